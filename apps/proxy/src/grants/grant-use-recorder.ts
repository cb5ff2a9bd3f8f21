import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Db } from "@gatehouse/db/client";
import type { Redis } from "ioredis";

// A grant's "last used" time is for people, so minute precision is plenty; it spares
// Postgres a write per call on busy grants, shared across every proxy through Redis.
const RECORD_INTERVAL_SECONDS = 60;

/**
 * Returns a function that sets a grant's lastUsedAt at most once a minute. It runs in the
 * background: the call it records never waits for it, and a failure is logged, never thrown.
 */
export function createGrantUseRecorder(options: {
  db: Db;
  redis: Redis;
  logger: Logger;
  now: () => number;
}): (grantId: string) => void {
  async function record(grantId: string): Promise<void> {
    const key = `gatehouse:grant-last-used:${grantId}`;
    const claimed = await options.redis.set(key, "1", "EX", RECORD_INTERVAL_SECONDS, "NX");
    if (claimed !== "OK") return;
    // Raw, so updatedAt keeps meaning "last changed by a person", not "last called".
    await options.db
      .$executeRaw`UPDATE "Grant" SET "lastUsedAt" = ${new Date(options.now())} WHERE "id" = ${grantId}`;
  }
  return (grantId) => {
    record(grantId).catch((error: unknown) => {
      options.logger.warn({ err: error, grantId }, "could not record the grant's last use");
    });
  };
}
