import { connectUpstream, type UpstreamConnection } from "@gatehouse/core/upstream/connect-upstream";
import type { ClientCapabilities } from "@modelcontextprotocol/sdk/types.js";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import type { ProxyDeps } from "../proxy-deps";

/**
 * Connects a new agent session to its grant's upstream: a share of the server's
 * pooled process when the operator pools it, otherwise a connection (and, for
 * stdio, a process) of the session's own, with the current OAuth token for a server that uses OAuth.
 */
export async function connectSessionUpstream(
  deps: ProxyDeps,
  grant: GrantSnapshot,
  capabilities: ClientCapabilities,
): Promise<UpstreamConnection> {
  const { upstream, orgId, serverId } = grant;
  const timeoutMs = deps.upstreamTimeoutMs;
  if (upstream.transport === "stdio" && deps.allowStdio && deps.stdio.isPooled(serverId)) {
    return deps.stdio.pool.acquire({ orgId, serverId, config: upstream, timeoutMs, capabilities });
  }
  return connectUpstream(upstream, {
    authorization: await deps.upstreamAuthorization(grant),
    timeoutMs,
    allowStdio: deps.allowStdio,
    allowPrivateNetworks: deps.allowPrivateNetworks,
    logger: deps.logger,
    serverId,
    capabilities,
  });
}
