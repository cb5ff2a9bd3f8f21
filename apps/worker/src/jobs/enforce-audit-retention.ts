import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Db } from "@gatehouse/db/client";
import { Prisma } from "@gatehouse/db/models";

/** The BullMQ queue whose scheduled job deletes audit events older than their organisation keeps them. */
export const AUDIT_RETENTION_QUEUE = "audit-retention";
export const AUDIT_RETENTION_JOB = "enforce";

const DAY_MS = 24 * 60 * 60_000;
// Each delete is its own short transaction: its row locks and WAL stay small, so ingest and
// the dashboard's reads never wait long on it, however large the backlog.
const DELETE_CHUNK_SIZE = 5000;
// Requests refused before any grant was known belong to no organisation; they are kept as
// long as an organisation keeps its events by default.
const UNATTRIBUTED_RETENTION_DAYS = 90;

/** One run: for every organisation, deletes its events whose occurredAt is older than its retention. */
export async function enforceAuditRetention(deps: {
  db: Db;
  logger: Logger;
  now: Date;
  chunkSize?: number;
}): Promise<{ deleted: number }> {
  const chunkSize = deps.chunkSize ?? DELETE_CHUNK_SIZE;
  const cutoff = (days: number) => new Date(deps.now.getTime() - days * DAY_MS).toISOString();
  const orgs = await deps.db.organization.findMany({ select: { id: true, auditRetentionDays: true } });
  let deleted = 0;
  for (const org of orgs) {
    const before = cutoff(org.auditRetentionDays);
    deleted += await deleteInChunks(deps.db, Prisma.sql`"orgId" = ${org.id}`, before, chunkSize);
  }
  const unattributedBefore = cutoff(UNATTRIBUTED_RETENTION_DAYS);
  deleted += await deleteInChunks(deps.db, Prisma.sql`"orgId" IS NULL`, unattributedBefore, chunkSize);
  if (deleted > 0) deps.logger.info({ deleted, organisations: orgs.length }, "deleted expired audit events");
  return { deleted };
}

/** Deletes the matching events older than `before` (ISO, UTC), `chunkSize` at a time, until none is left. */
async function deleteInChunks(db: Db, owner: Prisma.Sql, before: string, chunkSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    // The inner select walks the (orgId, occurredAt) index, so each chunk reads only what it deletes.
    const deleted = await db.$executeRaw`
      DELETE FROM "AuditEvent" WHERE "id" IN (
        SELECT "id" FROM "AuditEvent" WHERE ${owner} AND "occurredAt" < ${before}::timestamp LIMIT ${chunkSize})`;
    total += deleted;
    if (deleted < chunkSize) return total;
  }
}
