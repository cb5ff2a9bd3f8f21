import type { Policy } from "./policy-schema";

/** The policy a new grant starts with: nothing is allowed until tools are listed. */
export const DEFAULT_POLICY: Policy = Object.freeze({
  version: "1",
  default: "deny",
  tools: Object.freeze({}),
});

/** Formats a policy as pretty JSON with two-space indentation, for editing and display. */
export function formatPolicy(policy: Policy): string {
  return JSON.stringify(policy, null, 2);
}
