import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** A policy allowing everything. */
export const ALLOW_ALL = { version: "1", default: "allow" };

/** A raw tools/call of echo, for requests sent outside the SDK client. */
export const CALL_ECHO = JSON.stringify({
  jsonrpc: "2.0",
  id: 7,
  method: "tools/call",
  params: { name: "echo", arguments: { message: "direct" } },
});

/** The Mcp-Session-Id an SDK client was given at initialize. */
export function sessionIdOf(agent: Client): string {
  const { sessionId } = agent.transport as StreamableHTTPClientTransport;
  if (!sessionId) throw new Error("The agent has no session.");
  return sessionId;
}
