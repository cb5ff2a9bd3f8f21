import type { Db } from "@gatehouse/db/client";
import type { SecretBox } from "../secrets/secret-box";
import { noWebhookError } from "./no-webhook-error";
import { issueWebhookSecret } from "./webhook-secret";

/**
 * Replaces the webhook's signing secret and returns the new one, once. Every
 * message from now on, retries included, is signed with it.
 */
export async function rotateWebhookSecret(options: { db: Db; secretBox: SecretBox; orgId: string }) {
  const issued = issueWebhookSecret();
  const { count } = await options.db.webhookEndpoint.updateMany({
    where: { orgId: options.orgId },
    data: { secretEncrypted: options.secretBox.encrypt(issued.secret), secretPrefix: issued.secretPrefix },
  });
  if (count === 0) throw noWebhookError();
  return { secret: issued.secret };
}
