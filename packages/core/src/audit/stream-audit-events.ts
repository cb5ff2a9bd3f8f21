import type { Db } from "@gatehouse/db/client";
import type { AuditEvent } from "@gatehouse/db/models";
import type { AuditConditions } from "./audit-filter";
import { listAuditEvents } from "./list-audit-events";

// Large enough that a big export is few queries, small enough that one page is little memory.
const STREAM_PAGE_SIZE = 500;

/**
 * Every event matching the filter, newest first, one keyset page at a time, so memory stays
 * flat however many match. Events newer than the first page (filed during the export) are left out.
 */
export async function* streamAuditEvents(options: {
  db: Db;
  orgId: string;
  filter: AuditConditions;
  pageSize?: number;
}): AsyncGenerator<AuditEvent[]> {
  const pageSize = options.pageSize ?? STREAM_PAGE_SIZE;
  let before: string | undefined;
  do {
    const page = await listAuditEvents({ ...options, filter: { ...options.filter, before }, pageSize });
    if (page.events.length > 0) yield page.events;
    before = page.nextCursor ?? undefined;
  } while (before);
}
