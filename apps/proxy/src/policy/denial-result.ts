import { type CallToolResult, ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";

/** The text every refusal starts with, so agents and people can recognise it. */
export const DENIAL_PREFIX = "[POLICY DENIED]";

/**
 * The tool result an agent receives when Gatehouse refuses a call: a readable
 * error, never an exception. A rate-limit refusal carries a retry hint in `_meta`.
 */
export function denialResult(reason: string, retryAfterSeconds?: number): CallToolResult {
  return {
    content: [{ type: "text", text: `${DENIAL_PREFIX} ${reason}` }],
    isError: true,
    ...(retryAfterSeconds ? { _meta: { "gatehouse/retryAfterSeconds": retryAfterSeconds } } : {}),
  };
}

/**
 * Refuses a request whose result has no room for a refusal (a subscription, a completion):
 * the refusal travels as a JSON-RPC error carrying the same text.
 */
export function throwDenial(reason: string): never {
  throw new McpError(ErrorCode.InvalidRequest, `${DENIAL_PREFIX} ${reason}`);
}
