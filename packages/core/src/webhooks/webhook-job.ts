import { z } from "zod";

/** The BullMQ queue carrying webhook deliveries from proxies and the dashboard to the worker. */
export const WEBHOOK_QUEUE = "webhooks";

/** What a webhook announces: a new approval request, or a test sent from the dashboard. */
export const WEBHOOK_EVENTS = ["approval.requested", "webhook.test"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WebhookJobSchema = z.discriminatedUnion("event", [
  z.object({ event: z.literal("approval.requested"), approvalId: z.string().min(1) }),
  z.object({ event: z.literal("webhook.test"), orgId: z.string().min(1) }),
]);

/**
 * One webhook job. The worker records the delivery (and its id in `deliveryId`) on the
 * first attempt, so retries update the same row of the delivery log.
 */
export type WebhookJob = z.infer<typeof WebhookJobSchema> & { deliveryId?: string };

// Spread over about an hour: long enough to ride out a receiver's deploy, short enough
// that a request nobody hears about has not long expired.
export const WEBHOOK_JOB_ATTEMPTS = 8;
export const WEBHOOK_JOB_BACKOFF_MS = 15_000;

/** Queues a webhook job with retries; the job id makes a repeated request for the same approval a no-op. */
export async function enqueueWebhook(
  queue: { add(name: string, data: WebhookJob, opts: Record<string, unknown>): Promise<unknown> },
  job: WebhookJob,
): Promise<void> {
  await queue.add(job.event, job, {
    ...(job.event === "approval.requested" ? { jobId: `approval-${job.approvalId}` } : {}),
    attempts: WEBHOOK_JOB_ATTEMPTS,
    backoff: { type: "exponential", delay: WEBHOOK_JOB_BACKOFF_MS },
    removeOnComplete: 1000,
    removeOnFail: 1000,
  });
}
