import type { Logger } from "@gatehouse/core/logging/create-logger";
import { type DeliverWebhookDeps, deliverWebhook } from "@gatehouse/core/webhooks/deliver-webhook";
import { WebhookJobSchema } from "@gatehouse/core/webhooks/webhook-job";
import { type Job, UnrecoverableError } from "bullmq";
import { z } from "zod";

// The contract's schema plus what the worker itself adds to the job on the first attempt.
const StoredWebhookJobSchema = WebhookJobSchema.and(z.object({ deliveryId: z.string().min(1).optional() }));

/**
 * Makes one attempt at a webhook delivery. A failed attempt throws, so BullMQ retries
 * it with the job's backoff; the delivery id stored in the job makes every retry
 * update the same row of the delivery log.
 */
export async function deliverWebhookJob(deps: DeliverWebhookDeps & { logger: Logger }, job: Job) {
  const parsed = StoredWebhookJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError("Malformed webhook job.");
  const outcome = await deliverWebhook(deps, {
    job: parsed.data,
    isFinalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
    recordDeliveryId: (deliveryId) => job.updateData({ ...parsed.data, deliveryId }),
  });
  // A failed attempt is logged by the worker's "failed" handler; the URL is never logged,
  // as it may carry a token (many chat webhooks' URLs do).
  if (outcome.status === "retrying" || outcome.status === "failed") {
    throw new Error(`Webhook delivery ${outcome.deliveryId} failed: ${outcome.error}`);
  }
  deps.logger.info({ jobId: job.id, event: parsed.data.event, ...outcome }, "webhook job done");
  return outcome;
}
