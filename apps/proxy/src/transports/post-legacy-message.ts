import type { IncomingMessage, ServerResponse } from "node:http";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { buildAuditEvent } from "../audit/build-audit-event";
import { toCaller } from "../audit/caller";
import type { AdmittedRequest } from "../http/admit-request";
import { readMcpBody } from "../http/read-mcp-body";
import { attachOrigin } from "../http/request-origin";
import { JSON_RPC } from "../http/send-json-rpc-error";
import type { ProxyDeps } from "../proxy-deps";
import { findSession } from "../sessions/find-session";

/**
 * Takes one message a legacy HTTP+SSE agent POSTs to its session's endpoint
 * (`…/messages?sessionId=…`): validated and limited as every POST is, accepted only under the
 * grant that opened the session, and answered on the session's SSE stream.
 */
export async function postLegacyMessage(
  deps: ProxyDeps,
  admitted: AdmittedRequest,
  http: { req: IncomingMessage; res: ServerResponse; sessionId: string | undefined },
): Promise<void> {
  const { req, res, sessionId } = http;
  const { grant, origin, refuse } = admitted;
  const read = await readMcpBody(req, deps.limits, { isLegacySse: true });
  if (read.kind === "aborted") return;
  if (read.kind === "refused") return refuse(read.refusal, read.body);
  const { body } = read;
  if (!sessionId) {
    const message =
      "Bad request: no sessionId. POST to the endpoint URL the SSE stream's `endpoint` event named.";
    return refuse({ status: 400, code: JSON_RPC.invalidRequest, message, rule: "(no session)" }, body);
  }
  const found = findSession(deps.sessions, { sessionId, grant, kind: "legacy_sse" });
  if ("refusal" in found) return refuse(found.refusal, body);
  const { session } = found;
  session.lastSeenMs = deps.now();
  attachOrigin(req, origin, grant.grantId);
  await session.transport.handlePostMessage(req, res, body);
  // The SDK answers initialize itself; the session's opening is audited like a Streamable one.
  if (isInitializeRequest(body)) {
    const caller = toCaller(origin, { id: sessionId, client: body.params.clientInfo });
    const outcome = { method: "initialize", decision: "allow" as const };
    deps.audit.record(
      buildAuditEvent({ grant, caller, startedAtMs: admitted.startedAtMs, nowMs: deps.now(), outcome }),
    );
  }
}
