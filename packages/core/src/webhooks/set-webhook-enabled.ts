import type { Db } from "@gatehouse/db/client";
import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { noWebhookError } from "./no-webhook-error";

/** Turns the organisation's webhook on or off; while off, no approval request is sent to it. */
export async function setWebhookEnabled(options: {
  db: Db;
  orgId: string;
  actor: Actor;
  isEnabled: boolean;
}) {
  const { count } = await options.db.webhookEndpoint.updateMany({
    where: { orgId: options.orgId },
    data: { isEnabled: options.isEnabled },
  });
  if (count === 0) throw noWebhookError();
  await recordAdminEvent(options.db, {
    orgId: options.orgId,
    actor: options.actor,
    action: options.isEnabled ? "webhook.enabled" : "webhook.disabled",
    target: { id: null, name: null },
  });
}
