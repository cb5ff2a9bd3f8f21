import type { Db } from "@gatehouse/db/client";
import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { GatehouseError } from "../errors/gatehouse-error";
import { noWebhookError } from "./no-webhook-error";
import { enqueueWebhook, type WebhookJob } from "./webhook-job";

/** Queues a webhook.test message to the organisation's webhook; the worker sends it and logs the delivery. */
export async function sendTestWebhook(options: {
  db: Db;
  queue: Parameters<typeof enqueueWebhook>[0];
  orgId: string;
  actor: Actor;
}): Promise<void> {
  const webhook = await options.db.webhookEndpoint.findUnique({
    where: { orgId: options.orgId },
    select: { id: true, isEnabled: true },
  });
  if (!webhook) throw noWebhookError();
  // The worker sends nothing to a disabled webhook, so a test would silently go nowhere.
  if (!webhook.isEnabled) {
    throw new GatehouseError("conflict", "The webhook is disabled. Enable it, then send a test.");
  }
  const job: WebhookJob = { event: "webhook.test", orgId: options.orgId };
  try {
    await enqueueWebhook(options.queue, job);
  } catch (error) {
    throw new GatehouseError(
      "internal",
      "Could not queue the test: the job queue (Redis) did not answer. Try again shortly; if it keeps failing, ask an operator to check Redis.",
      { cause: error },
    );
  }
  await recordAdminEvent(options.db, {
    orgId: options.orgId,
    actor: options.actor,
    action: "webhook.tested",
    target: { id: webhook.id, name: null },
  });
}
