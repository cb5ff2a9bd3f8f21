import { Prisma } from "@gatehouse/db/models";
import { z } from "zod";

/** A position in the audit log's order: an event's time, ties broken by its id. */
export type AuditCursor = { occurredAt: Date; id: string };

/** The opaque cursor string handed out for an event (base64url of "<ISO time>|<id>"). */
export function encodeAuditCursor(event: AuditCursor): string {
  return Buffer.from(`${event.occurredAt.toISOString()}|${event.id}`).toString("base64url");
}

/**
 * Reads a cursor back. One that does not decode gives null, which callers treat as
 * "from the start" rather than an error page: cursors are opaque and bookmarks outlive them.
 */
export function decodeAuditCursor(cursor: string | undefined): AuditCursor | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const occurredAt = new Date(iso ?? "");
  // The id must be a UUID too: Postgres rejects comparing the uuid column with anything else.
  if (!id || !z.uuid().safeParse(id).success || Number.isNaN(occurredAt.getTime())) return null;
  return { occurredAt, id };
}

// Each condition repeats a plain bound on occurredAt beside the OR: the OR alone is no index
// bound, so Postgres would read every event on the far side of the cursor first (see bench:audit).

/** SQL matching the events after `cursor` in newest-first order (older ones). */
export function olderThanSql({ occurredAt, id }: AuditCursor): Prisma.Sql {
  const at = occurredAt.toISOString();
  return Prisma.sql`"occurredAt" <= ${at}::timestamp
    AND ("occurredAt" < ${at}::timestamp OR ("occurredAt" = ${at}::timestamp AND "id" < ${id}::uuid))`;
}

/** SQL matching the events before `cursor` in newest-first order (newer ones). */
export function newerThanSql({ occurredAt, id }: AuditCursor): Prisma.Sql {
  const at = occurredAt.toISOString();
  return Prisma.sql`"occurredAt" >= ${at}::timestamp
    AND ("occurredAt" > ${at}::timestamp OR ("occurredAt" = ${at}::timestamp AND "id" > ${id}::uuid))`;
}
