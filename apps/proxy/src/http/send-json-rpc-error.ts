import type { ServerResponse } from "node:http";

/** JSON-RPC error codes the proxy answers with at the HTTP layer, before any MCP session exists. */
export const JSON_RPC = {
  parseError: -32700,
  invalidRequest: -32600,
  internalError: -32603,
  unauthorized: -32001,
  sessionNotFound: -32001,
  upstreamUnavailable: -32002,
} as const;

/** Ends a response with a JSON-RPC error body, so MCP clients can show the message. */
export function sendJsonRpcError(
  res: ServerResponse,
  options: { status: number; code: number; message: string; headers?: Record<string, string> },
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify({
    jsonrpc: "2.0",
    error: { code: options.code, message: options.message },
    id: null,
  });
  res.writeHead(options.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...options.headers,
  });
  res.end(body);
}
