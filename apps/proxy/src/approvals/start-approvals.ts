import { createHolderId } from "@gatehouse/core/approvals/proxy-holders";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { SecretBox } from "@gatehouse/core/secrets/secret-box";
import { WEBHOOK_QUEUE, type WebhookJob } from "@gatehouse/core/webhooks/webhook-job";
import type { Db } from "@gatehouse/db/client";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { ProxyEnv } from "../env";
import { reportConnectionErrors } from "../redis/report-connection-errors";
import { createApprovalAnnouncer } from "./announce-approval-request";
import { ApprovalRegistry } from "./approval-registry";
import type { ApprovalDeps } from "./hold-for-approval";
import { startHolderHeartbeat } from "./holder-heartbeat";
import { subscribeApprovalDecisions } from "./subscribe-approval-decisions";

/**
 * Starts what holding calls for approval needs in this process: its liveness key, the
 * subscription to decisions and the webhook queue. `close` refuses every held call
 * (its request ends as abandoned) before releasing them.
 */
export async function startApprovals(options: {
  env: ProxyEnv;
  db: Db;
  secretBox: SecretBox;
  redis: Redis;
  subscriber: Redis;
  logger: Logger;
  now: () => number;
}): Promise<{ deps: ApprovalDeps; close: () => Promise<void> }> {
  const { env, db, logger, now } = options;
  const prefix = env.GATEHOUSE_QUEUE_PREFIX;
  const holderId = createHolderId(prefix);
  const registry = new ApprovalRegistry({
    db,
    logger,
    pollMs: env.GATEHOUSE_APPROVAL_POLL_SECONDS * 1000,
    now,
  });
  await subscribeApprovalDecisions({ subscriber: options.subscriber, registry, logger });
  const stopHeartbeat = await startHolderHeartbeat({
    redis: options.redis,
    prefix,
    holderId,
    ttlMs: env.GATEHOUSE_APPROVAL_HOLDER_TTL_MS,
    logger,
  });
  const webhookQueue = new Queue<WebhookJob>(WEBHOOK_QUEUE, { connection: { url: env.REDIS_URL }, prefix });
  reportConnectionErrors(webhookQueue, logger, "webhook queue");
  const deps: ApprovalDeps = {
    db,
    secretBox: options.secretBox,
    registry,
    announce: createApprovalAnnouncer(webhookQueue, logger),
    logger,
    holderId,
    defaultTimeoutSeconds: env.GATEHOUSE_APPROVAL_DEFAULT_TIMEOUT_SECONDS,
    maxTimeoutSeconds: env.GATEHOUSE_APPROVAL_MAX_TIMEOUT_SECONDS,
    progressIntervalMs: env.GATEHOUSE_APPROVAL_PROGRESS_SECONDS * 1000,
    now,
  };
  async function close(): Promise<void> {
    await registry.close();
    stopHeartbeat();
    await webhookQueue.close();
  }
  return { deps, close };
}
