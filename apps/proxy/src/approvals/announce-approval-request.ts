import type { Logger } from "@gatehouse/core/logging/create-logger";
import { enqueueWebhook, type WebhookJob } from "@gatehouse/core/webhooks/webhook-job";
import type { Queue } from "bullmq";

/** Tells the organisation's webhook about a new request; off the response path, never failing the call. */
export type ApprovalAnnouncer = (approvalId: string) => void;

/** Queues an `approval.requested` webhook job per new request; a failure is logged, the call still waits. */
export function createApprovalAnnouncer(queue: Queue<WebhookJob>, logger: Logger): ApprovalAnnouncer {
  return (approvalId) => {
    enqueueWebhook(queue, { event: "approval.requested", approvalId }).catch((error: unknown) =>
      logger.warn({ err: error, approvalId }, "could not queue the approval webhook"),
    );
  };
}
