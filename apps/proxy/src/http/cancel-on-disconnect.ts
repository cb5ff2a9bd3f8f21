import type { ServerResponse } from "node:http";
import type { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import {
  type CancelledNotification,
  isJSONRPCRequest,
  type RequestId,
} from "@modelcontextprotocol/sdk/types.js";

/**
 * The SDK keeps a request's handler running when the agent drops the HTTP response it
 * waits on (it aborts handlers only on notifications/cancelled or when the session
 * closes), so a call held for approval would wait on for nobody. When a POST's response
 * closes before it finished, each request it carried is cancelled as if the agent had
 * sent notifications/cancelled.
 */
export function cancelOnDisconnect(
  res: ServerResponse,
  transport: StreamableHTTPServerTransport,
  body: unknown,
): void {
  const requestIds = (Array.isArray(body) ? body : [body])
    .filter(isJSONRPCRequest)
    .map((request) => request.id);
  if (requestIds.length === 0) return;
  res.once("close", () => {
    if (res.writableFinished) return;
    for (const requestId of requestIds) transport.onmessage?.(cancellation(requestId));
  });
}

function cancellation(requestId: RequestId): CancelledNotification & { jsonrpc: "2.0" } {
  return {
    jsonrpc: "2.0",
    method: "notifications/cancelled",
    params: { requestId, reason: "The agent disconnected before the answer." },
  };
}
