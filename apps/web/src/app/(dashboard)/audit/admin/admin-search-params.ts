import { type AdminEventFilter, AdminEventFilterSchema } from "@gatehouse/core/admin-trail/list-admin-events";
import { z } from "zod";

type SearchParams = Record<string, string | string[] | undefined>;

// An empty form field arrives as "", which means "no filter"; a value that does not parse
// (a stale bookmark, an action since renamed) is dropped the same way rather than failing the page.
function lenient<T>(schema: z.ZodOptional<z.ZodType<T>>) {
  const blankToUndefined = (value: unknown) =>
    typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  return z.preprocess(blankToUndefined, schema).catch(undefined);
}

const { shape } = AdminEventFilterSchema;
const AdminSearchSchema = z.object({
  action: lenient(shape.action),
  actor: lenient(shape.actor),
  before: lenient(shape.before),
});

/** The admin trail's filter from the page's URL, ignoring what does not parse. */
export function readAdminSearch(params: SearchParams): AdminEventFilter {
  return AdminSearchSchema.parse(params);
}

/** A link to the admin trail with the same filters, from its newest event or from `before`. */
export function adminTrailHref(filter: AdminEventFilter, before?: string): string {
  const query = new URLSearchParams();
  if (filter.action) query.set("action", filter.action);
  if (filter.actor) query.set("actor", filter.actor);
  if (before) query.set("before", before);
  return query.size ? `/audit/admin?${query}` : "/audit/admin";
}
