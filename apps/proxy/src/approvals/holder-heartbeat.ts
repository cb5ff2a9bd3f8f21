import { markHolderAlive } from "@gatehouse/core/approvals/proxy-holders";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Redis } from "ioredis";

// Refreshing three times per TTL lets two refreshes fail before the key lapses.
const REFRESHES_PER_TTL = 3;

/**
 * Keeps this process's liveness key alive, so the worker's sweep does not mark the
 * requests it holds as abandoned. Resolves once the key is first written; returns `stop`.
 */
export async function startHolderHeartbeat(options: {
  redis: Redis;
  prefix: string;
  holderId: string;
  ttlMs: number;
  logger: Logger;
}): Promise<() => void> {
  const { redis, prefix, holderId, ttlMs, logger } = options;
  const beat = () => markHolderAlive(redis, { prefix, holderId, ttlMs });
  await beat();
  const timer = setInterval(() => {
    beat().catch((error: unknown) => {
      logger.warn({ err: error, holderId }, "could not refresh the approval holder's liveness key");
    });
  }, ttlMs / REFRESHES_PER_TTL);
  timer.unref();
  return () => clearInterval(timer);
}
