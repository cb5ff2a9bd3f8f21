import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** The tool result an agent receives when Gatehouse refuses a call: a readable error, never an exception. */
export function denialResult(reason: string): CallToolResult {
  return { content: [{ type: "text", text: `[POLICY DENIED] ${reason}` }], isError: true };
}
