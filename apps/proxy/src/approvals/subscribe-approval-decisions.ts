import { once } from "node:events";
import { APPROVAL_DECISIONS_CHANNEL, parseApprovalDecided } from "@gatehouse/core/approvals/approval-channel";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Redis } from "ioredis";
import type { ApprovalRegistry } from "./approval-registry";

/**
 * Routes decisions announced by the dashboard to the calls this process holds.
 * After a reconnect every held request is re-read, since messages sent meanwhile were lost.
 */
export async function subscribeApprovalDecisions(options: {
  subscriber: Redis;
  registry: ApprovalRegistry;
  logger: Logger;
}): Promise<void> {
  const { subscriber, registry, logger } = options;
  subscriber.on("ready", () => registry.recheckAll());
  subscriber.on("message", (channel: string, message: string) => {
    if (channel !== APPROVAL_DECISIONS_CHANNEL) return;
    const decided = parseApprovalDecided(message);
    if (decided) registry.notifyDecided(decided.approvalId);
    else logger.warn({ channel }, "ignored malformed approval decision message");
  });
  // Subscribing before the connection is ready breaks ioredis's ready check, so wait for it.
  if (subscriber.status !== "ready") await once(subscriber, "ready");
  await subscriber.subscribe(APPROVAL_DECISIONS_CHANNEL);
}
