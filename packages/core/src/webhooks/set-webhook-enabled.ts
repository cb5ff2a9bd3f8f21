import type { Db } from "@gatehouse/db/client";
import { noWebhookError } from "./no-webhook-error";

/** Turns the organisation's webhook on or off; while off, no approval request is sent to it. */
export async function setWebhookEnabled(options: { db: Db; orgId: string; isEnabled: boolean }) {
  const { count } = await options.db.webhookEndpoint.updateMany({
    where: { orgId: options.orgId },
    data: { isEnabled: options.isEnabled },
  });
  if (count === 0) throw noWebhookError();
}
