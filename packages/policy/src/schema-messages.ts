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

/**
 * Describes keys that are not allowed, suggesting the closest known one:
 * `unknown key "limts" — did you mean "limits"?`. `noun` names the keys of named maps.
 */
export function describeUnknownKeys(
  keys: readonly string[],
  knownKeys: readonly string[],
  noun: { one: string; many: string } = { one: "key", many: "keys" },
): string {
  return keys
    .map((key) => {
      const suggestion = suggestKey(key, knownKeys);
      return suggestion === undefined
        ? `unknown ${noun.one} ${JSON.stringify(key)} (allowed ${noun.many} are ${quoteList(knownKeys, "and")})`
        : `unknown ${noun.one} ${JSON.stringify(key)} — did you mean ${JSON.stringify(suggestion)}?`;
    })
    .join("; ");
}

/**
 * A preprocess step for records keyed by names: zod silently drops a "__proto__" key, which
 * would make an entry vanish without an error, so it is reported instead.
 */
export function rejectProtoKey(keyNoun: string) {
  return (input: unknown, ctx: z.core.$RefinementCtx): unknown => {
    if (typeof input === "object" && input !== null && Object.hasOwn(input, "__proto__")) {
      ctx.addIssue({
        code: "custom",
        path: ["__proto__"],
        input,
        message: `${keyNoun} "__proto__" is reserved`,
      });
    }
    return input;
  };
}
