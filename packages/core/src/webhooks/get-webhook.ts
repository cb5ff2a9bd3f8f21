import type { Db } from "@gatehouse/db/client";

/** The organisation's webhook, or null when it has none. Never the secret: only its display prefix. */
export function getWebhook(options: { db: Db; orgId: string }) {
  return options.db.webhookEndpoint.findUnique({
    where: { orgId: options.orgId },
    select: { id: true, url: true, secretPrefix: true, isEnabled: true, createdAt: true, updatedAt: true },
  });
}
