import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { connectUpstream } from "@gatehouse/core/upstream/connect-upstream";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { buildAuditEvent } from "../audit/build-audit-event";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import { JSON_RPC, sendJsonRpcError } from "../http/send-json-rpc-error";
import { createGatewayServer } from "../mcp/create-gateway-server";
import type { ProxyDeps } from "../proxy-deps";

/**
 * Handles an `initialize` without a session: connects to the grant's upstream,
 * then starts a gateway session bound to this grant.
 */
export async function openSession(
  deps: ProxyDeps,
  grant: GrantSnapshot,
  http: { req: IncomingMessage; res: ServerResponse; body: unknown },
): Promise<void> {
  const startedAtMs = deps.now();
  const auditInitialize = (sessionId: string | undefined, upstreamError?: string) =>
    deps.audit.record(
      buildAuditEvent({
        grant,
        startedAtMs,
        nowMs: deps.now(),
        outcome: {
          method: "initialize",
          decision: "allow",
          sessionId,
          upstreamStatus: upstreamError ? "error" : "ok",
          ...(upstreamError ? { upstreamError } : {}),
        },
      }),
    );
  let upstream: Awaited<ReturnType<typeof connectUpstream>>;
  try {
    upstream = await connectUpstream(grant.upstream, {
      timeoutMs: deps.upstreamTimeoutMs,
      allowStdio: deps.allowStdio,
    });
  } catch (error) {
    const message = isGatehouseError(error)
      ? error.publicMessage
      : "The upstream server could not be reached.";
    deps.logger.warn(
      { err: error, grantId: grant.grantId, serverId: grant.serverId },
      "upstream connect failed",
    );
    auditInitialize(undefined, message);
    sendJsonRpcError(http.res, {
      status: 502,
      code: JSON_RPC.upstreamUnavailable,
      message: `Gatehouse: ${message}`,
    });
    return;
  }
  const server = createGatewayServer({
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
  auditInitialize(transport.sessionId);
}
