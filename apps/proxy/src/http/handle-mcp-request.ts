import type { IncomingMessage, ServerResponse } from "node:http";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { buildAuditEvent } from "../audit/build-audit-event";
import { toCaller } from "../audit/caller";
import type { ProxyDeps } from "../proxy-deps";
import { findSession } from "../sessions/find-session";
import { openSession } from "../sessions/open-session";
import { serveStateless } from "../transports/serve-stateless";
import { admitRequest } from "./admit-request";
import { cancelOnDisconnect } from "./cancel-on-disconnect";
import { readMcpBody } from "./read-mcp-body";
import { findOwnerElsewhere, relayToOwner } from "./relay-to-owner";
import { attachOrigin, headerValue } from "./request-origin";
import { JSON_RPC } from "./send-json-rpc-error";

/**
 * Serves one Streamable HTTP request (POST, the GET stream, DELETE) for the grant whose token it
 * carries; nothing reaches an upstream without a live grant. An `initialize` opens a session; a
 * POST without a session is answered statelessly; a request for a session another proxy holds
 * is relayed to it. Refusals are audited here; what a gateway server answers is audited by its
 * handlers.
 */
export async function handleMcpRequest(
  deps: ProxyDeps,
  http: { req: IncomingMessage; res: ServerResponse; token: string | undefined },
): Promise<void> {
  const { req, res } = http;
  const sessionId = headerValue(req.headers["mcp-session-id"]);
  const admitted = await admitRequest(deps, { ...http, sessionId });
  if (!admitted) return;
  const { grant, origin, startedAtMs, refuse } = admitted;
  const ownerUrl = sessionId ? await findOwnerElsewhere(deps, req, sessionId) : undefined;
  if (sessionId && ownerUrl) return relayToOwner(deps, admitted, { req, res, sessionId, ownerUrl });
  let body: unknown;
  if (req.method === "POST") {
    const read = await readMcpBody(req, deps.limits);
    // The connection is gone, and whatever ended it (a timeout) answered and audited it.
    if (read.kind === "aborted") return;
    if (read.kind === "refused") return refuse(read.refusal, read.body);
    body = read.body;
    if (!sessionId && isInitializeRequest(body)) {
      await openSession(deps, grant, { req, res, body, origin, startedAtMs });
      return;
    }
    if (!sessionId) return serveStateless(deps, admitted, { req, res, body });
  }
  if (!sessionId) {
    const message = `Bad request: ${req.method} needs a session. Send initialize first, then the Mcp-Session-Id header it returns.`;
    return refuse({ status: 400, code: JSON_RPC.invalidRequest, message, rule: "(no session)" }, body);
  }
  const found = findSession(deps.sessions, { sessionId, grant, kind: "streamable" });
  if ("refusal" in found) return refuse(found.refusal, body);
  const { session } = found;
  if (isInitializeRequest(body)) {
    const message =
      "Invalid Request: this session is already initialized. To start another, send initialize without the Mcp-Session-Id header.";
    return refuse(
      { status: 400, code: JSON_RPC.invalidRequest, message, rule: "(already initialized)" },
      body,
    );
  }
  session.lastSeenMs = deps.now();
  if (req.method === "POST") {
    deps.responses.track(res);
    cancelOnDisconnect(res, session.transport, body);
  }
  attachOrigin(req, origin, grant.grantId);
  await session.transport.handleRequest(req, res, body);
  // The agent ended its session; the transport closed it, and with it the upstream's session.
  if (req.method === "DELETE" && res.statusCode === 200) {
    const caller = toCaller(origin, { id: sessionId, client: session.server.getClientVersion() });
    const outcome = {
      method: "HTTP DELETE",
      decision: "allow" as const,
      reason: "The agent ended the session.",
    };
    deps.audit.record(buildAuditEvent({ grant, caller, startedAtMs, nowMs: deps.now(), outcome }));
  }
}
