import { once } from "node:events";
import { GRANT_CHANGES_CHANNEL, type GrantChange } from "@gatehouse/core/grants/grant-change-notifier";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Redis } from "ioredis";
import { z } from "zod";

const GrantChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("grant_changed"), grantId: z.string(), tokenHash: z.string() }),
  z.object({ kind: z.literal("policy_changed"), policyId: z.string() }),
  z.object({ kind: z.literal("server_changed"), serverId: z.string() }),
]);

/**
 * Listens for grant changes published by the dashboard. `onResync` runs after a
 * reconnect, since changes published while disconnected were lost.
 */
export async function subscribeGrantChanges(options: {
  subscriber: Redis;
  logger: Logger;
  onChange: (change: GrantChange) => void;
  onResync: () => void;
}): Promise<void> {
  const { subscriber, logger } = options;
  let hasConnectedBefore = false;
  subscriber.on("ready", () => {
    if (hasConnectedBefore) {
      logger.warn("grant change subscription reconnected; dropping cached grants");
      options.onResync();
    }
    hasConnectedBefore = true;
  });
  subscriber.on("message", (channel: string, message: string) => {
    if (channel !== GRANT_CHANGES_CHANNEL) return;
    const parsed = GrantChangeSchema.safeParse(safeJson(message));
    if (!parsed.success) {
      logger.warn({ channel }, "ignored malformed grant change message");
      return;
    }
    options.onChange(parsed.data);
  });
  // Subscribing before the connection is ready breaks ioredis's ready check, so wait for it.
  if (subscriber.status !== "ready") await once(subscriber, "ready");
  await subscriber.subscribe(GRANT_CHANGES_CHANNEL);
  hasConnectedBefore = true;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
