import { formatPath } from "./format-path";
import type { Limit, Policy } from "./policy-schema";

/**
 * What the policy decided for one tool call. `rule` names the part of the policy that decided
 * (`tools.<name>` or `default`) so the audit log and dashboard can explain the decision.
 */
export type ToolDecision =
  | { effect: "allow"; rule: string; limits: Limit[] }
  | { effect: "deny"; rule: string; reason: string };

/** The call being decided: which tool, under which policy. */
export interface ToolCallQuery {
  policy: Policy;
  tool: string;
}

/** Decides whether a policy allows calling a tool, and under which limits. */
export function evaluateToolCall({ policy, tool }: ToolCallQuery): ToolDecision {
  const quotedTool = JSON.stringify(tool);
  // Own properties only, so names like "constructor" or "__proto__" never match Object.prototype.
  const entry = Object.hasOwn(policy.tools, tool) ? policy.tools[tool] : undefined;
  if (entry !== undefined) {
    const rule = formatPath(["tools", tool]);
    if (entry.action === "deny") {
      return {
        effect: "deny",
        rule,
        reason: entry.reason ?? `Tool ${quotedTool} is denied by this grant's policy.`,
      };
    }
    return { effect: "allow", rule, limits: entry.limits ?? [] };
  }
  if (policy.default === "allow") {
    return { effect: "allow", rule: "default", limits: [] };
  }
  return {
    effect: "deny",
    rule: "default",
    reason: `Tool ${quotedTool} is not allowed by this grant's policy (default: deny).`,
  };
}
