import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Db } from "@gatehouse/db/client";
import type { Redis } from "ioredis";

// A grant's "last used" time is for people, so minute precision is plenty; it spares
// Postgres a write per call on busy grants, shared across every proxy through Redis.
const RECORD_INTERVAL_SECONDS = 60;
const RECORD_INTERVAL_MS = RECORD_INTERVAL_SECONDS * 1000;

/**
 * Returns a function that sets a grant's lastUsedAt at most once a minute. It runs in the
 * background: the call it records never waits for it, and a failure is logged, never thrown.
 * Each process asks Redis about a grant at most once a minute too, so a call costs no round trip.
 */
export function createGrantUseRecorder(options: {
  db: Db;
  redis: Redis;
  logger: Logger;
  now: () => number;
}): (grantId: string) => void {
  // When this process last asked Redis, by grant; stale entries are pruned once an interval.
  const askedAtMs = new Map<string, number>();
  let prunedAtMs = options.now();
  async function record(grantId: string, nowMs: number): Promise<void> {
    const key = `gatehouse:grant-last-used:${grantId}`;
    const claimed = await options.redis.set(key, "1", "EX", RECORD_INTERVAL_SECONDS, "NX");
    if (claimed !== "OK") return;
    // Raw, so updatedAt keeps meaning "last changed by a person", not "last called".
    await options.db
      .$executeRaw`UPDATE "Grant" SET "lastUsedAt" = ${new Date(nowMs)} WHERE "id" = ${grantId}`;
  }
  function forgetStale(nowMs: number): void {
    if (nowMs - prunedAtMs < RECORD_INTERVAL_MS) return;
    prunedAtMs = nowMs;
    for (const [grantId, atMs] of askedAtMs)
      if (nowMs - atMs >= RECORD_INTERVAL_MS) askedAtMs.delete(grantId);
  }
  return (grantId) => {
    const nowMs = options.now();
    const lastMs = askedAtMs.get(grantId);
    if (lastMs !== undefined && nowMs - lastMs < RECORD_INTERVAL_MS) return;
    forgetStale(nowMs);
    askedAtMs.set(grantId, nowMs);
    record(grantId, nowMs).catch((error: unknown) => {
      // Asked again on the next call, since this one recorded nothing.
      askedAtMs.delete(grantId);
      options.logger.warn({ err: error, grantId }, "could not record the grant's last use");
    });
  };
}
