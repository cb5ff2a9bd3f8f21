import { listAuditEvents } from "@gatehouse/core/audit/list-audit-events";
import { apiRoute } from "@/server/api/api-route";
import { parseQuery } from "@/server/api/parse-request";
import { respond } from "@/server/api/respond";
import { AuditPageResponseSchema, AuditQuerySchema } from "@/server/api/schemas/audit-schemas";

/** A page of the audit log, newest first; pass nextCursor as `before` for the next page. */
export const GET = apiRoute({}, async ({ request, principal, services }) => {
  const filter = parseQuery(AuditQuerySchema, request.url);
  const page = await listAuditEvents({ db: services.db, orgId: principal.orgId, filter });
  return respond(AuditPageResponseSchema, page);
});
