import type { CallFacts } from "../src/call-facts";
import { parsePolicy } from "../src/parse-policy";
import type { Policy } from "../src/policy-schema";

/** Wraps tool entries in an otherwise valid deny-by-default policy. */
export function withTools(tools: unknown) {
  return { version: "1", default: "deny", tools };
}

/** A policy whose single tool "t" has exactly this limit. */
export function withLimit(limit: unknown) {
  return withTools({ t: { limits: [limit] } });
}

/** Validates a policy written in a test, failing loudly if the fixture itself is invalid. */
export function policyOf(input: unknown): Policy {
  const parsed = parsePolicy(input);
  if (!parsed.ok) throw new Error(`invalid fixture policy: ${JSON.stringify(parsed.errors)}`);
  return parsed.policy;
}

/** Facts for a tool call by grant "grant_1" in session "sess_1", with overrides. */
export function factsFor(overrides: Partial<CallFacts> = {}): CallFacts {
  return {
    kind: "tool",
    name: "copy_model_version",
    args: {},
    grant: { id: "grant_1", name: "ci-bot" },
    session: { id: "sess_1" },
    ...overrides,
  };
}

/** The seed policy every deployment starts from; it must keep working exactly as written. */
export const SEED_POLICY = {
  version: "1",
  default: "deny",
  tools: {
    copy_model_version: {
      limits: [{ counter: "copy_model_version_rate", window: "minute", max: 30, scope: "grant" }],
    },
  },
};
