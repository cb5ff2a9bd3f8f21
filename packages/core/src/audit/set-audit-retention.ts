import type { Db } from "@gatehouse/db/client";
import { z } from "zod";
import type { Actor } from "../admin-trail/admin-actor";
import { recordAdminEvent } from "../admin-trail/record-admin-event";
import { parseInput } from "../errors/field-errors";

export const MIN_AUDIT_RETENTION_DAYS = 1;
// Ten years: long enough for any audit requirement, short enough to stay a number of days people mean.
export const MAX_AUDIT_RETENTION_DAYS = 3650;

const RANGE_MESSAGE = `Enter a whole number of days from ${MIN_AUDIT_RETENTION_DAYS} to ${MAX_AUDIT_RETENTION_DAYS} (ten years).`;

export const AuditRetentionDaysSchema = z.coerce
  .number({ error: RANGE_MESSAGE })
  .int(RANGE_MESSAGE)
  .min(MIN_AUDIT_RETENTION_DAYS, RANGE_MESSAGE)
  .max(MAX_AUDIT_RETENTION_DAYS, RANGE_MESSAGE);

/**
 * Sets how many days the organisation's audit events are kept; the worker's retention job
 * deletes older ones on its next run. Shortening it deletes history for good.
 */
export async function setAuditRetention(options: {
  db: Db;
  orgId: string;
  actor: Actor;
  days: number | string;
}): Promise<number> {
  const { days } = parseInput(z.object({ days: AuditRetentionDaysSchema }), { days: options.days });
  const org = await options.db.organization.update({
    where: { id: options.orgId },
    data: { auditRetentionDays: days },
  });
  await recordAdminEvent(options.db, {
    orgId: options.orgId,
    actor: options.actor,
    action: "audit_retention.changed",
    target: { id: org.id, name: org.name },
    details: { days },
  });
  return days;
}
