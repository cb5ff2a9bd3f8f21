import type { Db } from "@gatehouse/db/client";
import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import type { SecretBox } from "../secrets/secret-box";
import { noWebhookError } from "./no-webhook-error";
import { issueWebhookSecret } from "./webhook-secret";

/**
 * Replaces the webhook's signing secret and returns the new one, once. Every
 * message from now on, retries included, is signed with it.
 */
export async function rotateWebhookSecret(options: {
  db: Db;
  secretBox: SecretBox;
  orgId: string;
  actor: Actor;
}) {
  const issued = issueWebhookSecret();
  const { count } = await options.db.webhookEndpoint.updateMany({
    where: { orgId: options.orgId },
    data: { secretEncrypted: options.secretBox.encrypt(issued.secret), secretPrefix: issued.secretPrefix },
  });
  if (count === 0) throw noWebhookError();
  await recordAdminEvent(options.db, {
    orgId: options.orgId,
    actor: options.actor,
    action: "webhook.secret_rotated",
    target: { id: null, name: null },
  });
  return { secret: issued.secret };
}
