import { randomUUID } from "node:crypto";
import type { Db } from "@gatehouse/db/client";
import type { Prisma } from "@gatehouse/db/models";
import { isGatehouseError } from "../errors/gatehouse-error";
import type { SecretBox } from "../secrets/secret-box";
import { APPROVAL_PAYLOAD_SELECT, buildApprovalPayload } from "./build-approval-payload";
import { buildTestPayload } from "./build-test-payload";
import { sendWebhookRequest, type WebhookAttemptResult } from "./send-webhook-request";
import type { WebhookEvent, WebhookJob } from "./webhook-job";

export type DeliverWebhookDeps = {
  db: Db;
  secretBox: SecretBox;
  dashboardUrl: string;
  /** Whether receivers may be at private or loopback addresses (GATEHOUSE_ALLOW_PRIVATE_NETWORKS). */
  allowPrivateNetworks: boolean;
  timeoutMs?: number;
};

type Skipped = { status: "skipped"; reason: string };

/** How one attempt ended. The worker retries `retrying` and fails the job on `failed`. */
export type DeliveryOutcome =
  | Skipped
  | { status: "delivered"; deliveryId: string; responseStatus: number }
  | { status: "retrying" | "failed"; deliveryId: string; responseStatus: number | null; error: string };

const WEBHOOK_SELECT = { id: true, url: true, secretEncrypted: true, isEnabled: true } as const;
type Target = {
  deliveryId: string;
  event: WebhookEvent;
  body: string;
  webhook: Prisma.WebhookEndpointGetPayload<{ select: typeof WEBHOOK_SELECT }>;
};

/**
 * Makes one attempt at a webhook job. The first attempt records the delivery (and
 * hands its id to `recordDeliveryId`, for the job to keep); later attempts resend the
 * same payload to the webhook's current URL, signed with its current secret. An
 * organisation without an enabled webhook is skipped without writing anything.
 */
export async function deliverWebhook(
  deps: DeliverWebhookDeps,
  options: {
    job: WebhookJob;
    isFinalAttempt: boolean;
    recordDeliveryId: (deliveryId: string) => Promise<void>;
    now?: Date;
  },
): Promise<DeliveryOutcome> {
  const now = options.now ?? new Date();
  const target = options.job.deliveryId
    ? await loadDelivery(deps.db, options.job.event, options.job.deliveryId)
    : await openDelivery(deps, options.job, now, options.recordDeliveryId);
  if ("reason" in target) return target;
  const result = await attempt(deps, target, now);
  const status = result.isDelivered ? "delivered" : options.isFinalAttempt ? "failed" : "pending";
  // Between retries the delivery stays pending; only the last attempt decides it failed.
  await deps.db.webhookDelivery.updateMany({
    where: { id: target.deliveryId },
    data: {
      status,
      attempts: { increment: 1 },
      responseStatus: result.responseStatus,
      error: result.isDelivered ? null : result.error,
      lastAttemptAt: now,
      deliveredAt: result.isDelivered ? now : null,
    },
  });
  if (result.isDelivered) {
    return { status: "delivered", deliveryId: target.deliveryId, responseStatus: result.responseStatus };
  }
  return {
    status: status === "failed" ? "failed" : "retrying",
    deliveryId: target.deliveryId,
    responseStatus: result.responseStatus,
    error: result.error,
  };
}

async function attempt(deps: DeliverWebhookDeps, target: Target, now: Date): Promise<WebhookAttemptResult> {
  let secret: string;
  try {
    secret = deps.secretBox.decrypt(target.webhook.secretEncrypted);
  } catch (error) {
    const reason = isGatehouseError(error)
      ? error.publicMessage
      : "GATEHOUSE_ENCRYPTION_KEY is not the key it was saved with, and no key in GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS is.";
    return {
      isDelivered: false,
      responseStatus: null,
      error: `Cannot decrypt the signing secret: ${reason} Otherwise, rotate the webhook's secret in Settings → Webhooks.`,
    };
  }
  return sendWebhookRequest({
    url: target.webhook.url,
    secret,
    event: target.event,
    deliveryId: target.deliveryId,
    body: target.body,
    now,
    policy: deps,
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
  });
}

async function openDelivery(
  deps: DeliverWebhookDeps,
  job: WebhookJob,
  now: Date,
  recordDeliveryId: (deliveryId: string) => Promise<void>,
): Promise<Target | Skipped> {
  const approval =
    job.event === "approval.requested"
      ? await deps.db.approvalRequest.findUnique({
          where: { id: job.approvalId },
          select: APPROVAL_PAYLOAD_SELECT,
        })
      : null;
  const orgId = job.event === "approval.requested" ? approval?.orgId : job.orgId;
  if (!orgId) return { status: "skipped", reason: "the approval request no longer exists" };
  const webhook = await deps.db.webhookEndpoint.findUnique({ where: { orgId }, select: WEBHOOK_SELECT });
  if (!webhook?.isEnabled) return { status: "skipped", reason: "no enabled webhook" };
  const deliveryId = randomUUID();
  const payload = approval
    ? buildApprovalPayload({ deliveryId, approval, dashboardUrl: deps.dashboardUrl, now })
    : buildTestPayload({ deliveryId, now });
  await deps.db.webhookDelivery.create({
    data: { id: deliveryId, webhookId: webhook.id, event: job.event, payload, createdAt: now },
  });
  await recordDeliveryId(deliveryId);
  return { deliveryId, event: job.event, body: JSON.stringify(payload), webhook };
}

async function loadDelivery(db: Db, event: WebhookEvent, deliveryId: string): Promise<Target | Skipped> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { payload: true, webhook: { select: WEBHOOK_SELECT } },
  });
  // Deleting the webhook deletes its deliveries: nobody is listening any more.
  if (!delivery) return { status: "skipped", reason: "the webhook was deleted" };
  if (!delivery.webhook.isEnabled) {
    await db.webhookDelivery.updateMany({
      where: { id: deliveryId },
      data: { status: "failed", error: "Not sent again: the webhook was disabled." },
    });
    return { status: "skipped", reason: "the webhook was disabled" };
  }
  return { deliveryId, event, body: JSON.stringify(delivery.payload), webhook: delivery.webhook };
}
