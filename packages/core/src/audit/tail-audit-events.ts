import type { Db } from "@gatehouse/db/client";
import { type AuditEvent, Prisma } from "@gatehouse/db/models";
import { auditConditionsSql } from "./audit-conditions-sql";
import { decodeAuditCursor, encodeAuditCursor, newerThanSql } from "./audit-cursor";
import type { AuditConditions } from "./audit-filter";

/**
 * The events newer than `after` (the cursor of the newest event a person already sees), oldest
 * first and at most `limit`: a live view polls with the returned `cursor` and so catches up a
 * burst over several polls without ever skipping an event. Without `after` it starts from the
 * oldest match. An event filed late with an earlier time than `after` is not tailed; the list shows it.
 */
export async function tailAuditEvents(options: {
  db: Db;
  orgId: string;
  filter: AuditConditions;
  after?: string | undefined;
  limit: number;
}): Promise<{ events: AuditEvent[]; cursor: string | null }> {
  const after = decodeAuditCursor(options.after);
  const conditions = [
    auditConditionsSql(options.orgId, options.filter),
    ...(after ? [newerThanSql(after)] : []),
  ];
  const events = await options.db.$queryRaw<AuditEvent[]>`
    SELECT * FROM "AuditEvent"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY "occurredAt" ASC, "id" ASC
    LIMIT ${options.limit}`;
  const newest = events.at(-1);
  return { events, cursor: newest ? encodeAuditCursor(newest) : (options.after ?? null) };
}
