import type { Db } from "@gatehouse/db/client";
import { z } from "zod";
import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";
import { assertPublicDestination } from "../network/assert-public-destination";
import type { SecretBox } from "../secrets/secret-box";
import { issueWebhookSecret } from "./webhook-secret";

const URL_MESSAGE = "Enter an http:// or https:// URL, e.g. https://hooks.example.com/gatehouse.";

export const WebhookUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the URL Gatehouse should send approval requests to.")
  .max(2000, "Use a URL of at most 2000 characters.")
  .pipe(z.url({ protocol: /^https?$/, error: URL_MESSAGE }));

/**
 * Sets the URL of the organisation's one webhook, creating it with a new signing
 * secret when there is none. The secret is returned once, on creation; changing the
 * URL keeps the secret, so receivers keep verifying.
 */
export async function saveWebhook(options: {
  db: Db;
  secretBox: SecretBox;
  orgId: string;
  actor: Actor;
  url: string;
  /** Whether the receiver may be at a private or loopback address (GATEHOUSE_ALLOW_PRIVATE_NETWORKS). */
  allowPrivateNetworks: boolean;
}) {
  const { url } = parseInput(z.object({ url: WebhookUrlSchema }), { url: options.url });
  await assertPublicDestination({ url, policy: options, field: "url" });
  const issued = issueWebhookSecret();
  const secretEncrypted = options.secretBox.encrypt(issued.secret);
  // One upsert, so two people saving at once cannot create two webhooks; the stored
  // ciphertext says whether this call created it (a fresh IV makes every ciphertext unique).
  const webhook = await options.db.webhookEndpoint.upsert({
    where: { orgId: options.orgId },
    create: { orgId: options.orgId, url, secretEncrypted, secretPrefix: issued.secretPrefix },
    update: { url },
    select: { id: true, secretEncrypted: true },
  });
  const isCreated = webhook.secretEncrypted === secretEncrypted;
  // Only the origin: receivers such as chat webhooks carry their credential in the path.
  await recordAdminEvent(options.db, {
    orgId: options.orgId,
    actor: options.actor,
    action: "webhook.saved",
    target: { id: webhook.id, name: null },
    details: { origin: new URL(url).origin, isCreated },
  });
  return { webhookId: webhook.id, secret: isCreated ? issued.secret : null };
}
