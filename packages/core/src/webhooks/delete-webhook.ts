import type { Db } from "@gatehouse/db/client";
import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";

/** Deletes the organisation's webhook and its delivery log. Deleting twice is harmless. */
export async function deleteWebhook(options: { db: Db; orgId: string; actor: Actor }): Promise<void> {
  const { count } = await options.db.webhookEndpoint.deleteMany({ where: { orgId: options.orgId } });
  if (count === 0) return;
  await recordAdminEvent(options.db, {
    orgId: options.orgId,
    actor: options.actor,
    action: "webhook.deleted",
    target: { id: null, name: null },
  });
}
