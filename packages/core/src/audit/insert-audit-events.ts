import type { Db } from "@gatehouse/db/client";
import type { AuditEvent } from "./audit-event";

/** Writes a batch of audit events; an event already stored (a redelivered batch) is skipped. */
export async function insertAuditEvents(options: { db: Db; events: AuditEvent[] }): Promise<number> {
  const result = await options.db.auditEvent.createMany({
    data: options.events.map((event) => ({ ...event, occurredAt: new Date(event.occurredAt) })),
    skipDuplicates: true,
  });
  return result.count;
}
