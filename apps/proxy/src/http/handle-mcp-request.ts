import type { IncomingMessage, ServerResponse } from "node:http";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import type { AuditedGrant } from "../audit/build-audit-event";
import { toCaller } from "../audit/caller";
import type { ProxyDeps } from "../proxy-deps";
import { openSession } from "../sessions/open-session";
import { cancelOnDisconnect } from "./cancel-on-disconnect";
import { readMcpBody } from "./read-mcp-body";
import { type Refusal, refuseRequest } from "./refuse-request";
import { attachOrigin, describeOrigin, headerValue } from "./request-origin";
import { resolveGrant } from "./resolve-grant";
import { JSON_RPC } from "./send-json-rpc-error";

/**
 * Serves one MCP request for the grant whose token it carries; nothing reaches an upstream
 * without a live grant. Refusals are audited here; what a session answers is audited by its handlers.
 */
export async function handleMcpRequest(
  deps: ProxyDeps,
  http: { req: IncomingMessage; res: ServerResponse; token: string | undefined },
): Promise<void> {
  const { req, res } = http;
  const startedAtMs = deps.now();
  const origin = describeOrigin(req, http.token, deps.trustProxy);
  const sessionId = headerValue(req.headers["mcp-session-id"]);
  const refuse = (refusal: Refusal, grant: AuditedGrant | null, body?: unknown) => {
    const caller = toCaller(origin, { id: sessionId });
    refuseRequest(deps, { res, grant, method: methodOf(req, body), caller, startedAtMs }, refusal);
  };
  const resolved = await resolveGrant(deps, http.token);
  if (!resolved.isLive) return refuse(resolved.refusal, resolved.grant);
  const { grant } = resolved;
  let body: unknown;
  if (req.method === "POST") {
    const read = await readMcpBody(req, deps.limits);
    // The connection is gone, and whatever ended it (a timeout) answered and audited it.
    if (read.kind === "aborted") return;
    if (read.kind === "refused") return refuse(read.refusal, grant, read.body);
    body = read.body;
    if (!sessionId && isInitializeRequest(body)) {
      await openSession(deps, grant, { req, res, body, origin, startedAtMs });
      return;
    }
  }
  if (!sessionId) {
    const message = "Bad request: send `initialize` first, then the Mcp-Session-Id header it returns.";
    return refuse({ status: 400, code: JSON_RPC.invalidRequest, message, rule: "(no session)" }, grant, body);
  }
  const session = deps.sessions.get(sessionId);
  // A session is bound to the grant that opened it; another grant's token cannot use it.
  if (!session || session.tokenHash !== grant.tokenHash) {
    const message = "Session not found: it ended or belongs to another grant. Initialize a new session.";
    const refusal = { status: 404, code: JSON_RPC.sessionNotFound, message, rule: "(session not found)" };
    return refuse(refusal, grant, body);
  }
  if (isInitializeRequest(body)) {
    const message =
      "Invalid Request: this session is already initialized. To start another, send initialize without the Mcp-Session-Id header.";
    const refusal = { status: 400, code: JSON_RPC.invalidRequest, message, rule: "(already initialized)" };
    return refuse(refusal, grant, body);
  }
  session.lastSeenMs = deps.now();
  if (req.method === "POST") {
    deps.responses.track(res);
    cancelOnDisconnect(res, session.transport, body);
  }
  attachOrigin(req, origin, grant.grantId);
  await session.transport.handleRequest(req, res, body);
}

// The JSON-RPC method when a body was read; requests refused before that (or whose body names
// none) are named by their HTTP verb, and batches as such.
function methodOf(req: IncomingMessage, body: unknown): string {
  if (Array.isArray(body)) return `batch of ${body.length}`;
  const method = (body as { method?: unknown } | null | undefined)?.method;
  return typeof method === "string" && method ? method : `HTTP ${req.method ?? "?"}`;
}
