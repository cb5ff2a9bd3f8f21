import type { ServerResponse } from "node:http";
import type { RequestId } from "../jsonrpc/json-rpc-message-schema";

/** JSON-RPC error codes the proxy answers with at the HTTP layer, before any MCP session exists. */
export const JSON_RPC = {
  parseError: -32700,
  invalidRequest: -32600,
  invalidParams: -32602,
  internalError: -32603,
  unauthorized: -32001,
  sessionNotFound: -32001,
  upstreamUnavailable: -32002,
} as const;

/** One request's error in the answer to a refused batch. */
export type BatchMemberError = { id: RequestId | null; message: string };

/** A JSON-RPC error answer: its HTTP status and headers, the error, and whom it answers. */
export type JsonRpcErrorAnswer = {
  status: number;
  code: number;
  message: string;
  headers?: Record<string, string>;
  /** The refused request's id when it could be read, so the agent knows which request failed. */
  id?: RequestId | null;
  /** For a refused batch: an error per request in it, answered as a JSON array. */
  batch?: BatchMemberError[];
};

/** The body of a JSON-RPC error answer: one error object, or an array of them for a batch. */
export function jsonRpcErrorBody(answer: Omit<JsonRpcErrorAnswer, "status" | "headers">): string {
  const error = (id: RequestId | null, message: string) => ({
    jsonrpc: "2.0",
    id,
    error: { code: answer.code, message },
  });
  if (answer.batch) return JSON.stringify(answer.batch.map((member) => error(member.id, member.message)));
  return JSON.stringify(error(answer.id ?? null, answer.message));
}

/** Ends a response with a JSON-RPC error body, so MCP clients can show the message. */
export function sendJsonRpcError(res: ServerResponse, answer: JsonRpcErrorAnswer): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = jsonRpcErrorBody(answer);
  res.writeHead(answer.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...answer.headers,
  });
  res.end(body);
}
