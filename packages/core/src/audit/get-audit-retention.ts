import type { Db } from "@gatehouse/db/client";

/** How many days the organisation keeps its audit events. */
export async function getAuditRetention(options: { db: Db; orgId: string }): Promise<number> {
  const org = await options.db.organization.findUniqueOrThrow({
    where: { id: options.orgId },
    select: { auditRetentionDays: true },
  });
  return org.auditRetentionDays;
}
