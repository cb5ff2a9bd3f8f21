import type { IncomingMessage, ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { buildAuditEvent } from "../audit/build-audit-event";
import { toCaller } from "../audit/caller";
import { type AdmittedRequest, methodOf } from "../http/admit-request";
import { cancelOnDisconnect } from "../http/cancel-on-disconnect";
import { attachOrigin } from "../http/request-origin";
import { sendJsonRpcError } from "../http/send-json-rpc-error";
import type { ProxyDeps } from "../proxy-deps";
import { closeUpstream } from "./close-upstream";
import { openGateway } from "./open-gateway";

/**
 * Answers a POST that names no session, as a server without sessions does: a gateway server
 * and an upstream connection made for this request alone (the SDK's stateless transport,
 * `sessionIdGenerator: undefined`), closed once it is answered. Every request in it goes
 * through the same policy handlers and audit as in a session. The price is connecting and
 * initializing the upstream on every request (for a stdio upstream, starting its process).
 */
export async function serveStateless(
  deps: ProxyDeps,
  admitted: AdmittedRequest,
  http: { req: IncomingMessage; res: ServerResponse; body: unknown },
): Promise<void> {
  const { grant, origin } = admitted;
  const opened = await openGateway(deps, grant);
  if (!opened.isOk) {
    deps.audit.record(
      buildAuditEvent({
        grant,
        caller: toCaller(origin, {}),
        startedAtMs: admitted.startedAtMs,
        nowMs: deps.now(),
        outcome: { method: methodOf(http.req, http.body), decision: "allow", ...opened.outcome },
      }),
    );
    sendJsonRpcError(http.res, opened.refusal);
    return;
  }
  const { server, upstream } = opened;
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  deps.responses.track(http.res);
  cancelOnDisconnect(http.res, transport, http.body);
  // Registered after the cancellations, so a request cut short is cancelled before its server goes.
  http.res.once("close", () => void Promise.allSettled([server.close(), closeUpstream(upstream)]));
  await server.connect(transport);
  attachOrigin(http.req, origin, grant.grantId);
  await transport.handleRequest(http.req, http.res, http.body);
}
