import { type PolicyError, toPolicyErrors } from "./policy-error";
import { type Policy, PolicySchema } from "./policy-schema";
import { readJson } from "./read-json";

export type { PolicyError } from "./policy-error";

/** A validated policy, or every problem found in it. */
export type ParseResult = { ok: true; policy: Policy } | { ok: false; errors: PolicyError[] };

/** Validates an already-decoded policy value, filling in defaults. */
export function parsePolicy(input: unknown): ParseResult {
  const result = PolicySchema.safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  return { ok: false, errors: toPolicyErrors(result.error.issues) };
}

/** Decodes and validates policy JSON text; syntax errors are reported with a line and column. */
export function parsePolicyText(text: string): ParseResult {
  const json = readJson(text);
  if (!json.ok) return { ok: false, errors: [json.error] };
  return parsePolicy(json.value);
}
