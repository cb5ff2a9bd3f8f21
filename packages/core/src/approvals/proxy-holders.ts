import { randomUUID } from "node:crypto";

/**
 * Liveness of the proxy processes holding calls for approval: each refreshes a Redis
 * key with a short TTL, so a process that dies stops refreshing and its pending
 * requests can be marked abandoned instead of staying pending forever.
 */
type HolderRedis = {
  set(key: string, value: string, mode: "PX", ttlMs: number): Promise<unknown>;
  exists(...keys: string[]): Promise<number>;
};

/**
 * A new holder id for one proxy process. It starts with the installation's prefix so a
 * sweep only judges its own installation's holders (test runs share one database).
 */
export function createHolderId(prefix: string): string {
  return `${prefix}:${randomUUID()}`;
}

function holderKey(prefix: string, holderId: string): string {
  return `${prefix}:approval-holder:${holderId}`;
}

/** Records that this process is alive for the next `ttlMs`. */
export async function markHolderAlive(
  redis: HolderRedis,
  options: { prefix: string; holderId: string; ttlMs: number },
): Promise<void> {
  await redis.set(holderKey(options.prefix, options.holderId), String(Date.now()), "PX", options.ttlMs);
}

/** The holders among `holderIds` whose liveness key has not expired. */
export async function findLiveHolders(
  redis: HolderRedis,
  options: { prefix: string; holderIds: readonly string[] },
): Promise<Set<string>> {
  const live = new Set<string>();
  for (const holderId of new Set(options.holderIds)) {
    if ((await redis.exists(holderKey(options.prefix, holderId))) > 0) live.add(holderId);
  }
  return live;
}
