import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { connectUpstream } from "@gatehouse/core/upstream/connect-upstream";
import { upstreamHttpStatus } from "@gatehouse/core/upstream/upstream-http-status";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import {
  type InitializeRequest,
  ToolListChangedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { buildAuditEvent } from "../audit/build-audit-event";
import { type RequestOrigin, toCaller } from "../audit/caller";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import { JSON_RPC, sendJsonRpcError } from "../http/send-json-rpc-error";
import { createGatewayServer } from "../mcp/create-gateway-server";
import type { UpstreamOutcome } from "../mcp/forward-upstream";
import type { ProxyDeps } from "../proxy-deps";

/**
 * Handles an `initialize` without a session: connects to the grant's upstream,
 * then starts a gateway session bound to this grant. Its audit event's upstream
 * latency is the time connecting (and initializing) upstream took.
 */
export async function openSession(
  deps: ProxyDeps,
  grant: GrantSnapshot,
  http: {
    req: IncomingMessage;
    res: ServerResponse;
    body: InitializeRequest;
    origin: RequestOrigin;
    startedAtMs: number;
  },
): Promise<void> {
  const auditInitialize = (sessionId: string | undefined, outcome: UpstreamOutcome) =>
    deps.audit.record(
      buildAuditEvent({
        grant,
        caller: toCaller(http.origin, { id: sessionId, client: http.body.params.clientInfo }),
        startedAtMs: http.startedAtMs,
        nowMs: deps.now(),
        outcome: { method: "initialize", decision: "allow", ...outcome },
      }),
    );
  const connectStartedAtMs = deps.now();
  const elapsed = () => Math.max(0, Math.round(deps.now() - connectStartedAtMs));
  let upstream: Awaited<ReturnType<typeof connectUpstream>>;
  try {
    const authorization = await deps.upstreamAuthorization(grant);
    upstream = await connectUpstream(grant.upstream, {
      authorization,
      timeoutMs: deps.upstreamTimeoutMs,
      allowStdio: deps.allowStdio,
      allowPrivateNetworks: deps.allowPrivateNetworks,
    });
  } catch (error) {
    const message = isGatehouseError(error)
      ? error.publicMessage
      : "The upstream server could not be reached.";
    deps.logger.warn(
      { err: error, grantId: grant.grantId, serverId: grant.serverId },
      "upstream connect failed",
    );
    auditInitialize(undefined, {
      upstreamStatus: "error",
      upstreamError: message,
      upstreamHttpStatus: upstreamHttpStatus(error) ?? null,
      upstreamLatencyMs: elapsed(),
    });
    sendJsonRpcError(http.res, {
      status: 502,
      code: JSON_RPC.upstreamUnavailable,
      message: `Gatehouse: ${message}`,
    });
    return;
  }
  const upstreamLatencyMs = elapsed();
  const server = createGatewayServer({
    // Without its policy fields: requests the policy does not decide name no policy version.
    sessionGrant: { grantId: grant.grantId, orgId: grant.orgId, serverId: grant.serverId },
    currentGrant: () => deps.grants.get(grant.tokenHash),
    upstream: upstream.client,
    rateLimiter: deps.rateLimiter,
    recordAudit: (event) => deps.audit.record(event),
    logger: deps.logger,
    upstreamTimeoutMs: deps.upstreamTimeoutMs,
    drift: deps.drift,
    requestSync: deps.requestSync,
    approvals: deps.approvals,
    now: deps.now,
  });
  // A server announcing new tools gets its catalogue re-read, and the agent is told too.
  upstream.client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
    deps.requestSync({ orgId: grant.orgId, serverId: grant.serverId, reason: "list_changed" });
    await server.sendToolListChanged().catch(() => undefined);
  });
  const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (id) => {
      const base = { id, grantId: grant.grantId, tokenHash: grant.tokenHash, lastSeenMs: deps.now() };
      deps.sessions.add({ ...base, transport, server, upstream: upstream.client });
    },
  });
  transport.onclose = () => {
    if (transport.sessionId) void deps.sessions.close(transport.sessionId);
    void upstream.client.close();
  };
  upstream.client.onclose = () => {
    if (transport.sessionId) void deps.sessions.close(transport.sessionId);
  };
  await server.connect(transport);
  await transport.handleRequest(http.req, http.res, http.body);
  auditInitialize(transport.sessionId, { upstreamStatus: "ok", upstreamLatencyMs });
}
