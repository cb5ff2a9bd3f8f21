import type { IncomingMessage } from "node:http";

/** The agent-facing endpoints: Streamable HTTP, and the legacy HTTP+SSE stream and its message endpoint. */
export type AgentEndpoint = "mcp" | "sse" | "messages";

const GRANT_PATH = /^\/g\/([^/]+)\/(mcp|sse|messages)\/?$/;
const BEARER_PATH = /^\/(mcp|sse|messages)\/?$/;

export type TokenLookup =
  | { kind: "token"; token: string; endpoint: AgentEndpoint; isInPath: boolean }
  | { kind: "missing"; endpoint: AgentEndpoint }
  | { kind: "not_mcp_path" };

/**
 * Finds the grant token of a request and the endpoint it asks for: the token in the path
 * (`/g/<token>/mcp`, so the URL alone configures a client) or as `Authorization: Bearer <token>`
 * on `/mcp`; the legacy `sse` and `messages` endpoints take the token the same two ways.
 */
export function extractGrantToken(req: IncomingMessage, pathname: string): TokenLookup {
  const inPath = GRANT_PATH.exec(pathname);
  if (inPath?.[1] && inPath[2]) {
    const token = decodeURIComponent(inPath[1]);
    return { kind: "token", token, endpoint: inPath[2] as AgentEndpoint, isInPath: true };
  }
  const bare = BEARER_PATH.exec(pathname);
  if (!bare?.[1]) return { kind: "not_mcp_path" };
  const endpoint = bare[1] as AgentEndpoint;
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1]
    ? { kind: "token", token: match[1], endpoint, isInPath: false }
    : { kind: "missing", endpoint };
}
