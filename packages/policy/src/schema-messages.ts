import { z } from "zod";
import { suggestKey } from "./suggest-key";

/** Joins quoted choices for messages: `"a", "b" or "c"`. */
export function quoteList(items: readonly string[], conjunction: "and" | "or"): string {
  const quoted = items.map((item) => JSON.stringify(item));
  const last = quoted.pop();
  if (last === undefined) return "";
  return quoted.length === 0 ? last : `${quoted.join(", ")} ${conjunction} ${last}`;
}

/** Error map naming the field: "<field> is required" when absent, else "<field> must be <expectation>". */
export function fieldError(field: string, expectation: string): z.core.$ZodErrorMap {
  return (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be ${expectation}`);
}

/**
 * A strict object whose errors name it: unknown keys get a did-you-mean suggestion, and a
 * value of the wrong type is described as `<name> must be <expectation>`.
 */
export function namedStrictObject<Shape extends z.core.$ZodLooseShape>(
  name: string,
  expectation: string,
  shape: Shape,
) {
  const knownKeys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? describeUnknownKeys(issue.keys, knownKeys)
        : `${name} must be ${expectation}`,
  });
}

function describeUnknownKeys(keys: readonly string[], knownKeys: readonly string[]): string {
  return keys
    .map((key) => {
      const suggestion = suggestKey(key, knownKeys);
      return suggestion === undefined
        ? `unknown key ${JSON.stringify(key)} (allowed keys are ${quoteList(knownKeys, "and")})`
        : `unknown key ${JSON.stringify(key)} — did you mean ${JSON.stringify(suggestion)}?`;
    })
    .join("; ");
}
