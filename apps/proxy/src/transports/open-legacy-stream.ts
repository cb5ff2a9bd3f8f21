import type { IncomingMessage, ServerResponse } from "node:http";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { type AuditOutcome, buildAuditEvent } from "../audit/build-audit-event";
import { toCaller } from "../audit/caller";
import type { AdmittedRequest } from "../http/admit-request";
import { sendJsonRpcError } from "../http/send-json-rpc-error";
import type { ProxyDeps } from "../proxy-deps";
import { openGateway } from "./open-gateway";

/** How the legacy stream's opening and end are named in the audit log. */
export const LEGACY_STREAM_METHOD = "HTTP GET /sse";

/**
 * Opens a legacy HTTP+SSE session (protocol 2024-11-05) on a GET: connects the grant's upstream,
 * then streams the gateway server's messages on this response, whose `endpoint` event names
 * where the agent POSTs its own (`messagesPath`, with the session's id added). Closing the
 * stream ends the session and its upstream connection.
 */
export async function openLegacyStream(
  deps: ProxyDeps,
  admitted: AdmittedRequest,
  http: { req: IncomingMessage; res: ServerResponse; messagesPath: string },
): Promise<void> {
  const { grant, origin, startedAtMs } = admitted;
  const audit = (
    sessionId: string | undefined,
    outcome: Omit<AuditOutcome, "method" | "decision">,
    fromMs = startedAtMs,
  ) =>
    deps.audit.record(
      buildAuditEvent({
        grant,
        caller: toCaller(origin, { id: sessionId }),
        startedAtMs: fromMs,
        nowMs: deps.now(),
        outcome: { method: LEGACY_STREAM_METHOD, decision: "allow", ...outcome },
      }),
    );
  const opened = await openGateway(deps, grant);
  if (!opened.isOk) {
    audit(undefined, opened.outcome);
    sendJsonRpcError(http.res, opened.refusal);
    return;
  }
  const { server, upstream } = opened;
  const transport = new SSEServerTransport(http.messagesPath, http.res);
  const id = transport.sessionId;
  deps.sessions.add({
    id,
    grantId: grant.grantId,
    tokenHash: grant.tokenHash,
    lastSeenMs: deps.now(),
    kind: "legacy_sse",
    transport,
    server,
    upstream,
  });
  transport.onclose = () => {
    // The proxy's own closes (idle, revocation, shutdown) remove the session first; what is
    // left to audit here is the agent closing its stream.
    if (!deps.sessions.get(id)) return;
    void deps.sessions.close(id);
    audit(id, { reason: "The SSE stream closed; the session ended." }, deps.now());
  };
  upstream.onclose = () => void deps.sessions.close(id);
  await server.connect(transport);
  audit(id, { ...opened.outcome, reason: "Legacy HTTP+SSE session opened." });
}
