import { z } from "zod";
import { PolicySchema } from "./policy-schema";

/** Where the policy JSON Schema is published; editors match documents to it by this id. */
export const POLICY_SCHEMA_ID = "https://gatehouse.dev/schemas/policy-v1.json";

/**
 * The policy document as a JSON Schema (draft 2020-12), for editors and API docs. It describes
 * the shape of a document; cross-field rules (shared counters, regexes RE2 accepts, pointless
 * fields) are enforced only by parsePolicy.
 */
export function policyJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(PolicySchema, { io: "input" });
  return {
    $schema,
    $id: POLICY_SCHEMA_ID,
    title: "Gatehouse grant policy",
    description:
      "Decides which tools, resources and prompts an agent's grant may use, and under which limits.",
    ...rest,
  };
}
