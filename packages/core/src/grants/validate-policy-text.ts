import { parsePolicyText } from "@gatehouse/policy/parse-policy";
import { GatehouseError } from "../errors/gatehouse-error";

/**
 * Checks policy JSON typed by a person and returns the document as written (the
 * editor shows it back unchanged); throws invalid_input listing each problem as "path: message".
 */
export function validatePolicyText(text: string, field = "policy"): unknown {
  const result = parsePolicyText(text);
  if (result.ok) return JSON.parse(text) as unknown;
  const fieldErrors = result.errors.map((error) => ({
    field,
    message: error.path ? `${error.path}: ${error.message}` : error.message,
  }));
  throw new GatehouseError("invalid_input", "The policy has problems; fix them and save again.", {
    fieldErrors,
  });
}
