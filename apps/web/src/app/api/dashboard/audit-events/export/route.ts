import { AuditConditionsSchema } from "@gatehouse/core/audit/audit-filter";
import { AUDIT_EXPORT_FORMATS, exportAuditEvents } from "@gatehouse/core/audit/export-audit-events";
import { z } from "zod";
import { parseQuery } from "@/server/api/parse-request";
import { sessionRoute } from "@/server/auth/session-route";

const ExportQuerySchema = AuditConditionsSchema.extend({
  format: z.enum(["csv", "ndjson"]),
});

/**
 * Every event matching the audit page's filters, as a CSV or NDJSON download. The body is
 * streamed a page at a time as the browser reads it, never built in memory.
 */
export const GET = sessionRoute({}, async ({ request, principal, services }) => {
  const { format, ...filter } = parseQuery(ExportQuerySchema, request.url);
  const { contentType, extension } = AUDIT_EXPORT_FORMATS[format];
  const body = exportAuditEvents({
    db: services.db,
    orgId: principal.orgId,
    filter,
    format,
    logger: services.logger,
  });
  const filename = `gatehouse-audit-${new Date().toISOString().slice(0, 19).replaceAll(":", "-")}.${extension}`;
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
