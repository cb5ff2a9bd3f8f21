import { Prisma } from "@gatehouse/db/models";
import type { AuditConditions } from "./audit-filter";

/**
 * The conditions as one SQL condition on "AuditEvent", always scoped to the organisation, so
 * another organisation's events and those refused before any grant was known (no orgId) never match.
 */
export function auditConditionsSql(orgId: string, filter: AuditConditions): Prisma.Sql {
  const conditions = [Prisma.sql`"orgId" = ${orgId}`];
  // Instants are compared in UTC: the column is a timestamp without time zone holding UTC.
  if (filter.from) conditions.push(Prisma.sql`"occurredAt" >= ${utc(filter.from)}::timestamp`);
  if (filter.to) conditions.push(Prisma.sql`"occurredAt" < ${utc(filter.to)}::timestamp`);
  if (filter.grantId) conditions.push(Prisma.sql`"grantId" = ${filter.grantId}`);
  if (filter.serverId) conditions.push(Prisma.sql`"serverId" = ${filter.serverId}`);
  if (filter.tool) conditions.push(Prisma.sql`"tool" = ${filter.tool}`);
  if (filter.decision) conditions.push(Prisma.sql`"decision" = ${filter.decision}::"Decision"`);
  if (filter.method) conditions.push(Prisma.sql`"method" = ${filter.method}`);
  if (filter.q) {
    // The expression of the trigram index (migrations 20261125160000 and 20261125170000), so a search
    // that matches little does not read the whole log. Names never hold a newline, its separator.
    const pattern = `%${escapeLikePattern(filter.q.toLowerCase())}%`;
    conditions.push(Prisma.sql`"audit_search_text"("tool", "argumentKeys") LIKE ${pattern}`);
  }
  return Prisma.join(conditions, " AND ");
}

function utc(instant: string): string {
  return new Date(instant).toISOString();
}

// A person searching for "a_b" or "50%" means those characters, not LIKE's wildcards.
function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
