import type { Db } from "@gatehouse/db/client";
import type { Prisma } from "@gatehouse/db/models";
import { z } from "zod";

export const AuditFilterSchema = z.object({
  grantId: z.string().min(1).optional(),
  tool: z.string().min(1).max(200).optional(),
  decision: z.enum(["allow", "deny", "require_approval"]).optional(),
  before: z.string().min(1).optional(),
});
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
}) {
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const { grantId, tool, decision, before } = options.filter;
  const where: Prisma.AuditEventWhereInput = {
    orgId: options.orgId,
    ...(grantId ? { grantId } : {}),
    ...(tool ? { tool } : {}),
    ...(decision ? { decision } : {}),
    ...keysetCondition(before),
  };
  const rows = await options.db.auditEvent.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor = rows.length > pageSize && last ? encodeCursor(last.occurredAt, last.id) : null;
  return { events: page, nextCursor };
}

function encodeCursor(occurredAt: Date, id: string): string {
  return Buffer.from(`${occurredAt.toISOString()}|${id}`).toString("base64url");
}

function keysetCondition(cursor: string | undefined): Prisma.AuditEventWhereInput {
  if (!cursor) return {};
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const occurredAt = new Date(iso ?? "");
  // A cursor that does not decode is treated as "from the start" rather than an error page.
  // The id must be a UUID too: Postgres rejects comparing the uuid column with anything else.
  if (!id || !z.uuid().safeParse(id).success || Number.isNaN(occurredAt.getTime())) return {};
  // The redundant upper bound lets Postgres start the index scan at the cursor; the OR alone
  // cannot narrow it, so a deep page would read every newer event first (see bench:audit).
  return {
    occurredAt: { lte: occurredAt },
    OR: [{ occurredAt: { lt: occurredAt } }, { occurredAt, id: { lt: id } }],
  };
}
