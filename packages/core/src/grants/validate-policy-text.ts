import { parsePolicyText } from "@gatehouse/policy/parse-policy";
import type { Policy } from "@gatehouse/policy/policy-schema";
import { GatehouseError } from "../errors/gatehouse-error";

/** Parses policy JSON typed by a person; throws invalid_input listing each problem as "path: message". */
export function validatePolicyText(text: string): Policy {
  const result = parsePolicyText(text);
  if (result.ok) return result.policy;
  const fieldErrors = result.errors.map((error) => ({
    field: "policy",
    message: error.path ? `${error.path}: ${error.message}` : error.message,
  }));
  return failWith(fieldErrors);
}

function failWith(fieldErrors: { field: string; message: string }[]): never {
  throw new GatehouseError("invalid_input", "The policy has problems; fix them and save again.", {
    fieldErrors,
  });
}
