import "server-only";
import { invalidInput } from "@gatehouse/core/errors/field-errors";
import type { z } from "zod";

/** Validates a decoded JSON body; each problem is reported with its field path (`body` for the whole). */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw withRoot(invalidInput(result.error, "The request body has problems; see fields."), "body");
}

/** Validates a request's query string; each problem is reported with its parameter's name. */
export function parseQuery<T extends z.ZodType>(schema: T, url: string): z.output<T> {
  const query = Object.fromEntries(new URL(url).searchParams);
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  throw withRoot(invalidInput(result.error, "The query parameters have problems; see fields."), "query");
}

// invalidInput names problems with the whole value "form", as the dashboard's forms
// need; an API caller sent a body or a query string instead.
function withRoot(error: ReturnType<typeof invalidInput>, root: string) {
  for (const item of error.fieldErrors) {
    if (item.field === "form") item.field = root;
  }
  return error;
}
