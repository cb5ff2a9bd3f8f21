import type { IncomingMessage } from "node:http";

const GRANT_PATH = /^\/g\/([^/]+)\/mcp\/?$/;
const BEARER_PATH = /^\/mcp\/?$/;

export type TokenLookup = { kind: "token"; token: string } | { kind: "missing" } | { kind: "not_mcp_path" };

/**
 * Finds the grant token of a request: in the path (`/g/<token>/mcp`, so the URL
 * alone configures a client) or as `Authorization: Bearer <token>` on `/mcp`.
 */
export function extractGrantToken(req: IncomingMessage, pathname: string): TokenLookup {
  const inPath = GRANT_PATH.exec(pathname);
  if (inPath?.[1]) return { kind: "token", token: decodeURIComponent(inPath[1]) };
  if (!BEARER_PATH.test(pathname)) return { kind: "not_mcp_path" };
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ? { kind: "token", token: match[1] } : { kind: "missing" };
}
