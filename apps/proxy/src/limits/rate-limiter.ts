import { windowSeconds } from "@gatehouse/policy/limit-window";
import type { Limit } from "@gatehouse/policy/policy-schema";
import type { Redis } from "ioredis";

/** The ids a limit's scope can count against, for one call. */
export type LimitScopeIds = { grant: string; session: string; server: string; org: string };

export type LimitOutcome =
  | { isAllowed: true }
  | { isAllowed: false; limitIndex: number; limit: Limit; resetAt: Date; count: number };

// Checks every counter first and increments only when all have room, so a call
// refused by one limit does not spend the others' budgets. One round trip, atomic
// across proxy processes. ARGV: per key, max then TTL in ms.
const CONSUME_SCRIPT = `
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count + 1 > tonumber(ARGV[i * 2 - 1]) then return {i, count} end
end
for i = 1, #KEYS do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[i * 2]) end
end
return {0, 0}
`;

/** Fixed-window counters in Redis, shared by every proxy process. */
export class RateLimiter {
  constructor(private readonly redis: Redis) {}

  /** Counts one call against each limit; refuses (without counting) when any limit is full. */
  async consume(options: { limits: Limit[]; scopeIds: LimitScopeIds; nowMs: number }): Promise<LimitOutcome> {
    if (options.limits.length === 0) return { isAllowed: true };
    const windows = options.limits.map((limit) => fixedWindow(limit, options.nowMs));
    const keys = options.limits.map((limit, i) =>
      counterKey(limit, options.scopeIds, windows[i]?.index ?? 0),
    );
    const args = options.limits.flatMap((limit, i) => [
      limit.max,
      (windows[i]?.endMs ?? 0) - options.nowMs + 1000,
    ]);
    const [failed, count] = (await this.redis.eval(CONSUME_SCRIPT, keys.length, ...keys, ...args)) as [
      number,
      number,
    ];
    const limitIndex = failed - 1;
    const limit = options.limits[limitIndex];
    const window = windows[limitIndex];
    if (failed === 0 || !limit || !window) return { isAllowed: true };
    return { isAllowed: false, limitIndex, limit, resetAt: new Date(window.endMs), count };
  }
}

function fixedWindow(limit: Limit, nowMs: number): { index: number; endMs: number } {
  const lengthMs = windowSeconds(limit.window) * 1000;
  const index = Math.floor(nowMs / lengthMs);
  return { index, endMs: (index + 1) * lengthMs };
}

// The same counter name in the same scope is one budget across tools, so the
// tool name is deliberately not part of the key.
function counterKey(limit: Limit, scopeIds: LimitScopeIds, windowIndex: number): string {
  const scopeId = scopeIds[limit.scope];
  return `gatehouse:rl:${limit.scope}:${scopeId}:${limit.counter}:${windowSeconds(limit.window)}:${windowIndex}`;
}
