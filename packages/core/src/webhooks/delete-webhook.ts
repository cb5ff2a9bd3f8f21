import type { Db } from "@gatehouse/db/client";

/** Deletes the organisation's webhook and its delivery log. Deleting twice is harmless. */
export async function deleteWebhook(options: { db: Db; orgId: string }): Promise<void> {
  await options.db.webhookEndpoint.deleteMany({ where: { orgId: options.orgId } });
}
