import type { Db } from "@gatehouse/db/client";

const DELIVERY_LOG_LIMIT = 50;

/** The organisation's most recent webhook deliveries, newest first (the delivery log); no payloads. */
export function listWebhookDeliveries(options: { db: Db; orgId: string }) {
  return options.db.webhookDelivery.findMany({
    where: { webhook: { orgId: options.orgId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERY_LOG_LIMIT,
    select: {
      id: true,
      event: true,
      status: true,
      attempts: true,
      responseStatus: true,
      error: true,
      createdAt: true,
      lastAttemptAt: true,
      deliveredAt: true,
    },
  });
}
