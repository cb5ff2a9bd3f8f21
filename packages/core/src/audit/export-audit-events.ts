import type { Db } from "@gatehouse/db/client";
import type { AuditEvent } from "@gatehouse/db/models";
import type { Logger } from "../logging/create-logger";
import type { AuditConditions } from "./audit-filter";
import { encodeCsvRow } from "./encode-csv-row";
import { streamAuditEvents } from "./stream-audit-events";

/** The export formats: CSV with a header row, or NDJSON (one JSON object per line). */
export const AUDIT_EXPORT_FORMATS = {
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  ndjson: { contentType: "application/x-ndjson; charset=utf-8", extension: "ndjson" },
} as const;
export type AuditExportFormat = keyof typeof AUDIT_EXPORT_FORMATS;

/** Every column of an event except its organisation, in the order the CSV lists them. */
export const AUDIT_EXPORT_FIELDS = [
  "id",
  "occurredAt",
  "grantId",
  "serverId",
  "method",
  "tool",
  "decision",
  "isShadow",
  "rule",
  "policyId",
  "policyVersion",
  "reason",
  "upstreamStatus",
  "upstreamError",
  "jsonRpcErrorCode",
  "upstreamHttpStatus",
  "resultIsError",
  "latencyMs",
  "upstreamLatencyMs",
  "resultBytes",
  "sessionId",
  "clientName",
  "clientVersion",
  "clientIp",
  "userAgent",
  "tokenPrefix",
  "argumentKeys",
  "arguments",
  "approvalId",
  "approvalStatus",
  "approvedBy",
  "approvalWaitMs",
] as const satisfies readonly Exclude<keyof AuditEvent, "orgId">[];

/**
 * The organisation's events matching the filter as a byte stream in `format`, newest first. It
 * is pulled: the next page is read only when the receiver has taken the last, so an export of
 * millions of events holds one page in memory. A failure part-way errors the stream (the
 * download fails rather than ending early and looking complete).
 */
export function exportAuditEvents(options: {
  db: Db;
  orgId: string;
  filter: AuditConditions;
  format: AuditExportFormat;
  logger: Logger;
  pageSize?: number;
}): ReadableStream<Uint8Array> {
  const pages = streamAuditEvents(options);
  const encoder = new TextEncoder();
  const encode = options.format === "csv" ? toCsvRow : toJsonLine;
  let isHeaderDue = options.format === "csv";
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (isHeaderDue) {
        isHeaderDue = false;
        controller.enqueue(encoder.encode(encodeCsvRow(AUDIT_EXPORT_FIELDS)));
        return;
      }
      try {
        const page = await pages.next();
        if (page.done) controller.close();
        else controller.enqueue(encoder.encode(page.value.map(encode).join("")));
      } catch (error) {
        options.logger.error({ err: error, orgId: options.orgId }, "audit export failed");
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

function toCsvRow(event: AuditEvent): string {
  return encodeCsvRow(AUDIT_EXPORT_FIELDS.map((field) => event[field]));
}

function toJsonLine(event: AuditEvent): string {
  return `${JSON.stringify(Object.fromEntries(AUDIT_EXPORT_FIELDS.map((field) => [field, event[field]])))}\n`;
}
