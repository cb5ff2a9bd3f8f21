import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";

/** Whether the SDK gave up waiting for the upstream's answer. */
export function isTimeout(error: unknown): boolean {
  return error instanceof McpError && error.code === ErrorCode.RequestTimeout;
}

/** An error's message, cut to a length that fits in one line of a page or an audit row. */
export function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
