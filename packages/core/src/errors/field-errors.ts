import type { z } from "zod";
import { GatehouseError } from "./gatehouse-error";

/** Turns a failed zod parse of user input into an invalid_input error with one message per field. */
export function invalidInput(error: z.ZodError, summary = "Some fields need attention."): GatehouseError {
  const fieldErrors = error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "form",
    message: issue.message,
  }));
  return new GatehouseError("invalid_input", summary, { fieldErrors });
}

/** Parses `input` with `schema`, throwing an invalid_input GatehouseError listing each bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}
