import {
  AUDIT_JOB,
  AUDIT_JOB_OPTIONS,
  AUDIT_QUEUE,
  type AuditEvent,
  type AuditJob,
} from "@gatehouse/core/audit/audit-event";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import { Queue } from "bullmq";
import { Redis } from "ioredis";

// Redis answering slower than this counts as Redis being unreachable: the batch is spooled.
const ENQUEUE_TIMEOUT_MS = 2_000;

/** The audit queue as the proxy uses it: adding a batch fails fast instead of waiting for Redis. */
export type AuditQueue = {
  /** False while the connection is down. */
  isReady: () => boolean;
  /** Adds one batch as a job; rejects within ENQUEUE_TIMEOUT_MS when Redis cannot take it. */
  add: (events: AuditEvent[]) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * Opens the audit queue on a connection of its own that never holds a command for a Redis that
 * is away: none is queued while it is disconnected (enableOfflineQueue), one in flight when the
 * connection drops fails at once (maxRetriesPerRequest 0, not resent), and one Redis does not
 * answer fails after ENQUEUE_TIMEOUT_MS. BullMQ keeps these options for a Queue (it forces
 * maxRetriesPerRequest to null only on a worker's blocking connection). A batch that failed
 * this way may still have reached Redis; the worker's idempotent inserts absorb the copy.
 */
export async function openAuditQueue(options: {
  redisUrl: string;
  prefix: string;
  logger: Logger;
}): Promise<AuditQueue> {
  const connection = new Redis(options.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: ENQUEUE_TIMEOUT_MS,
  });
  const queue = new Queue<AuditJob>(AUDIT_QUEUE, { connection, prefix: options.prefix });
  // An outage is reported once, by the sink turning to the spool; these are its details.
  queue.on("error", (error) => options.logger.debug({ err: error }, "audit queue connection error"));
  await queue.waitUntilReady();
  return {
    isReady: () => connection.status === "ready",
    add: async (events) => {
      await queue.add(AUDIT_JOB, { events }, AUDIT_JOB_OPTIONS);
    },
    close: async () => {
      await queue.close();
      connection.disconnect();
    },
  };
}
