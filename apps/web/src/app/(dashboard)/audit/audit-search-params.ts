import { AuditFilterSchema } from "@gatehouse/core/audit/audit-filter";
import type { AuditFilter } from "@gatehouse/core/audit/list-audit-events";
import { z } from "zod";

type SearchParams = Record<string, string | string[] | undefined>;

// An empty form field arrives as "", which means "no filter"; a value that does not parse is
// dropped the same way, so a hand-edited or stale URL still shows the log.
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

// A datetime-local field sends "2026-03-01T12:00" (seconds optional) without a zone; the form
// labels its times UTC.
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const localToUtc = (value: unknown) => {
  const text = blankToUndefined(value);
  if (!text || !LOCAL_DATE_TIME.test(text)) return text;
  return text.length === "2026-03-01T12:00".length ? `${text}:00Z` : `${text}Z`;
};

function lenient<T>(schema: z.ZodOptional<z.ZodType<T>>, normalize = blankToUndefined) {
  return z.preprocess(normalize, schema).catch(undefined);
}

const { shape } = AuditFilterSchema;
const AuditSearchSchema = z.object({
  from: lenient(shape.from, localToUtc),
  to: lenient(shape.to, localToUtc),
  grantId: lenient(shape.grantId),
  serverId: lenient(shape.serverId),
  tool: lenient(shape.tool),
  decision: lenient(shape.decision),
  method: lenient(shape.method),
  q: lenient(shape.q),
  before: lenient(shape.before),
});

/** The audit page's filter from its URL, ignoring what does not parse. */
export function readAuditSearch(params: SearchParams): AuditFilter {
  return AuditSearchSchema.parse(params);
}

/**
 * The filter without its cursor as a query string (instants in ISO 8601), for every link that
 * keeps the filters: pages, the live tail and the exports.
 */
export function auditFilterQuery(filter: AuditFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (key !== "before" && value !== undefined) query.set(key, value);
  }
  return query;
}
