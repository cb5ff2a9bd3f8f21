import type { Db } from "@gatehouse/db/client";
import { type AuditEvent, Prisma } from "@gatehouse/db/models";
import type { z } from "zod";
import { auditConditionsSql } from "./audit-conditions-sql";
import { decodeAuditCursor, encodeAuditCursor, olderThanSql } from "./audit-cursor";
import type { AuditFilterSchema } from "./audit-filter";

/** What listAuditEvents takes: the filter conditions and the page's cursor. */
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;

/**
 * A page of the organisation's audit log, newest first. `before` is the cursor
 * returned as `nextCursor` (keyset pagination: stable while new events arrive).
 */
export async function listAuditEvents(options: {
  db: Db;
  orgId: string;
  filter: AuditFilter;
  pageSize?: number;
}): Promise<{ events: AuditEvent[]; nextCursor: string | null }> {
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const { before, ...filter } = options.filter;
  const cursor = decodeAuditCursor(before);
  const conditions = [auditConditionsSql(options.orgId, filter), ...(cursor ? [olderThanSql(cursor)] : [])];
  const rows = await options.db.$queryRaw<AuditEvent[]>`
    SELECT * FROM "AuditEvent"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY "occurredAt" DESC, "id" DESC
    LIMIT ${pageSize + 1}`;
  const events = rows.slice(0, pageSize);
  const last = events.at(-1);
  return { events, nextCursor: rows.length > pageSize && last ? encodeAuditCursor(last) : null };
}
