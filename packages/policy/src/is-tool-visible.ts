import { evaluateToolCall } from "./evaluate-tool-call";
import type { Policy } from "./policy-schema";

/** Whether a tool should appear in tools/list: true unless calling it would be denied. */
export function isToolVisible({ policy, tool }: { policy: Policy; tool: string }): boolean {
  return evaluateToolCall({ policy, tool }).effect !== "deny";
}
