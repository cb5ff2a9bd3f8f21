import type { z } from "zod";
import { type FieldError, GatehouseError } from "./gatehouse-error";

/** Turns a failed zod parse of user input into an invalid_input error with one message per field. */
export function invalidInput(error: z.ZodError, summary = "Some fields need attention."): GatehouseError {
  const fieldErrors = error.issues.flatMap((issue) => toFieldErrors(issue, issue.path));
  return new GatehouseError("invalid_input", summary, { fieldErrors });
}

// zod reports a bad record key (a header or variable name) as one generic "invalid_key" issue
// wrapping the key schema's own issues; those carry the messages written for people.
function toFieldErrors(issue: z.core.$ZodIssue, path: PropertyKey[]): FieldError[] {
  if (issue.code === "invalid_key" && issue.issues.length > 0) {
    return issue.issues.flatMap((inner) => toFieldErrors(inner, [...path, ...inner.path]));
  }
  return [{ field: path.map(String).join(".") || "form", message: issue.message }];
}

/** Parses `input` with `schema`, throwing an invalid_input GatehouseError listing each bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}
