import { isGatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import { upstreamHttpStatus } from "@gatehouse/core/upstream/upstream-http-status";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  type ClientCapabilities,
  ToolListChangedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import type { Refusal } from "../http/refuse-request";
import { JSON_RPC } from "../http/send-json-rpc-error";
import { createGatewayServer } from "../mcp/create-gateway-server";
import type { UpstreamOutcome } from "../mcp/forward-upstream";
import type { ProxyDeps } from "../proxy-deps";
import { upstreamClientCapabilities } from "../relay/relayed-capabilities";
import { connectSessionUpstream } from "../sessions/connect-session-upstream";

/** A gateway server for one grant with its upstream connected, ready to be put on any transport. */
export type OpenedGateway =
  | { isOk: true; server: Server; upstream: Client; outcome: UpstreamOutcome }
  | { isOk: false; refusal: Refusal; outcome: UpstreamOutcome };

/**
 * Connects to the grant's upstream and builds the gateway server in front of it; the transport
 * (a Streamable HTTP session, a stateless request, or a legacy SSE stream) is the caller's.
 * `outcome` says what the audit event records of the upstream: connecting (and initializing)
 * it is its latency. `agentCapabilities` are what the agent declared in `initialize` (none when
 * the transport connects before it has seen one), and decide what the upstream may ask the agent.
 */
export async function openGateway(
  deps: ProxyDeps,
  grant: GrantSnapshot,
  agentCapabilities: ClientCapabilities = {},
): Promise<OpenedGateway> {
  const startedAtMs = deps.now();
  const elapsed = () => Math.max(0, Math.round(deps.now() - startedAtMs));
  let upstream: Client;
  try {
    ({ client: upstream } = await connectSessionUpstream(
      deps,
      grant,
      upstreamClientCapabilities(agentCapabilities),
    ));
  } catch (error) {
    const message = isGatehouseError(error)
      ? error.publicMessage
      : "The upstream server could not be reached.";
    deps.logger.warn(
      { err: error, grantId: grant.grantId, serverId: grant.serverId },
      "upstream connect failed",
    );
    const outcome: UpstreamOutcome = {
      upstreamStatus: "error",
      upstreamError: message,
      upstreamHttpStatus: upstreamHttpStatus(error) ?? null,
      upstreamLatencyMs: elapsed(),
    };
    const refusal = {
      status: 502,
      code: JSON_RPC.upstreamUnavailable,
      message: `Gatehouse: ${message}`,
      rule: "(upstream unavailable)",
    };
    return { isOk: false, refusal, outcome };
  }
  const outcome: UpstreamOutcome = { upstreamStatus: "ok", upstreamLatencyMs: elapsed() };
  const server = createGatewayServer({
    // Without its policy fields: requests the policy does not decide name no policy version.
    sessionGrant: { grantId: grant.grantId, orgId: grant.orgId, serverId: grant.serverId },
    currentGrant: () => deps.grants.get(grant.tokenHash),
    upstream,
    rateLimiter: deps.rateLimiter,
    recordAudit: (event) => deps.audit.record(event),
    logger: deps.logger,
    upstreamTimeoutMs: deps.upstreamTimeoutMs,
    drift: deps.drift,
    requestSync: deps.requestSync,
    approvals: deps.approvals,
    now: deps.now,
    agentCapabilities,
  });
  // A server announcing new tools gets its catalogue re-read, and the agent is told too.
  upstream.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
    deps.requestSync({ orgId: grant.orgId, serverId: grant.serverId, reason: "list_changed" });
    await server.sendToolListChanged().catch(() => undefined);
  });
  return { isOk: true, server, upstream, outcome };
}
