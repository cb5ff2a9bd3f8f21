import type { ResolvedLimit } from "@gatehouse/policy/evaluate-call";
import type { Redis } from "ioredis";

/** The ids a limit's scope counts against, for one call. */
export type LimitScopeIds = { grant: string; session: string; server: string; org: string };

/** Quota taken for one call; give it back with `release` if the upstream call fails. */
export type Reservation = { keys: string[]; increments: number[] };

export type ReserveOutcome =
  | { isAllowed: true; reservation: Reservation }
  | { isAllowed: false; limit: ResolvedLimit; count: number };

// Checks every counter first and increments only when all have room, so a call
// refused by one limit spends none of the others' budgets. One round trip, atomic
// across proxy processes. Increments may be fractional (spend-style limits), hence
// INCRBYFLOAT. ARGV per key: max, increment, TTL in ms.
const RESERVE_SCRIPT = `
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count + tonumber(ARGV[i * 3 - 1]) > tonumber(ARGV[i * 3 - 2]) then return {i, count} end
end
for i = 1, #KEYS do
  redis.call('INCRBYFLOAT', KEYS[i], ARGV[i * 3 - 1])
  if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[i * 3]) end
end
return {0, 0}
`;

// Gives quota back, never below zero, and only to windows that still exist.
const RELEASE_SCRIPT = `
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count > 0 then redis.call('INCRBYFLOAT', KEYS[i], -math.min(count, tonumber(ARGV[i]))) end
end
return 0
`;

// Keys outlive their window by this much, so a late release still finds its counter.
const KEY_GRACE_MS = 60_000;

/** UTC-aligned fixed-window counters in Redis, shared by every proxy process. */
export class RateLimiter {
  constructor(private readonly redis: Redis) {}

  /** Reserves one call's quota against every limit, or refuses (reserving nothing) when any is full. */
  async reserve(options: {
    limits: ResolvedLimit[];
    scopeIds: LimitScopeIds;
    nowMs: number;
  }): Promise<ReserveOutcome> {
    const { limits } = options;
    if (limits.length === 0) return { isAllowed: true, reservation: { keys: [], increments: [] } };
    const keys = limits.map((limit) => counterKey(limit, options.scopeIds));
    const args = limits.flatMap((limit) => [
      limit.max,
      limit.increment,
      limit.windowEndMs - options.nowMs + KEY_GRACE_MS,
    ]);
    const [failed, count] = (await this.redis.eval(RESERVE_SCRIPT, keys.length, ...keys, ...args)) as [
      number,
      number,
    ];
    const limit = limits[failed - 1];
    if (failed === 0 || !limit) {
      return { isAllowed: true, reservation: { keys, increments: limits.map((l) => l.increment) } };
    }
    return { isAllowed: false, limit, count };
  }

  /** Returns a reservation's quota (the call it paid for did not happen). */
  async release(reservation: Reservation): Promise<void> {
    if (reservation.keys.length === 0) return;
    await this.redis.eval(
      RELEASE_SCRIPT,
      reservation.keys.length,
      ...reservation.keys,
      ...reservation.increments,
    );
  }
}

// The same counter name in the same scope is one budget across tools, so the
// tool name is deliberately not part of the key. Every scope of a call lies within one
// organisation, so the org id as hash tag keeps one script's keys in one Redis Cluster slot
// while spreading organisations across the cluster.
function counterKey(limit: ResolvedLimit, scopeIds: LimitScopeIds): string {
  const scopeId = scopeIds[limit.scope];
  return `gatehouse:rl:{${scopeIds.org}}:${limit.scope}:${scopeId}:${limit.counter}:${limit.windowSeconds}:${limit.windowStartMs}`;
}
