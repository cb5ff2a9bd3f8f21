import type { Db } from "@gatehouse/db/client";
import type { AuditEvent } from "./audit-event";

/**
 * Writes a batch of audit events in one statement; an event already stored (a
 * redelivered batch) is skipped. Postgres expands the JSON itself: building the
 * rows in Prisma cost about five times the insert (see bench:audit).
 */
export async function insertAuditEvents(options: { db: Db; events: AuditEvent[] }): Promise<number> {
  return options.db.$executeRaw`
    INSERT INTO "AuditEvent"
    SELECT * FROM json_populate_recordset(NULL::"AuditEvent", ${JSON.stringify(options.events)}::json)
    ON CONFLICT ("id") DO NOTHING`;
}
