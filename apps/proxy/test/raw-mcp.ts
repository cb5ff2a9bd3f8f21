import { expect } from "vitest";

/** What the proxy answered to one raw POST: its status, and the JSON-RPC messages in its body. */
export type RawAnswer = { status: number; messages: unknown[]; text: string };

const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

/**
 * POSTs a body exactly as given (it need not be JSON) and reads every JSON-RPC message in the
 * answer, whether it came as JSON or as an SSE stream.
 */
export async function postRaw(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { ...MCP_HEADERS, ...headers }, body });
  const text = await response.text();
  const isStream = response.headers.get("content-type")?.startsWith("text/event-stream") ?? false;
  const payloads = isStream
    ? text
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice("data: ".length))
    : [text];
  const messages = payloads.filter(Boolean).flatMap((payload) => {
    const parsed: unknown = JSON.parse(payload);
    return Array.isArray(parsed) ? parsed : [parsed];
  });
  const answer: RawAnswer = { status: response.status, messages, text };
  return { ...answer, sessionId: response.headers.get("mcp-session-id") };
}

/**
 * Opens an MCP session by hand, as an agent speaking `protocolVersion` would, and returns the
 * headers its later requests carry (no MCP-Protocol-Version header when `sendsVersion` is false,
 * as 2025-03-26 clients do).
 */
export async function openRawSession(
  url: string,
  protocolVersion: string,
  options: { sendsVersion?: boolean; userAgent?: string } = {},
): Promise<Record<string, string>> {
  const initialize = {
    jsonrpc: "2.0",
    id: 0,
    method: "initialize",
    params: { protocolVersion, capabilities: {}, clientInfo: { name: "raw", version: "1" } },
  };
  const opened = await postRaw(url, JSON.stringify(initialize));
  expect(opened.status).toBe(200);
  const headers: Record<string, string> = { "mcp-session-id": opened.sessionId ?? "" };
  if (options.sendsVersion ?? true) headers["mcp-protocol-version"] = protocolVersion;
  const initialized = await postRaw(url, '{"jsonrpc":"2.0","method":"notifications/initialized"}', headers);
  expect(initialized.status).toBe(202);
  return headers;
}

/** Asserts a value is a well-formed JSON-RPC error object and returns it. */
export function expectJsonRpcError(message: unknown) {
  expect(message).toMatchObject({
    jsonrpc: "2.0",
    error: { code: expect.any(Number), message: expect.any(String) },
  });
  const error = message as { id: unknown; error: { code: number; message: string } };
  expect(error.id === null || typeof error.id === "string" || Number.isInteger(error.id)).toBe(true);
  expect(Object.keys(error).sort()).toEqual(["error", "id", "jsonrpc"]);
  return error;
}
