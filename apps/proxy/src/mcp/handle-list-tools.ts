import { isToolVisible } from "@gatehouse/policy/is-tool-visible";
import {
  type ListToolsRequest,
  type ListToolsResult,
  ListToolsResultSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { buildAuditEvent } from "../audit/build-audit-event";
import type { GatewayDeps } from "./gateway-deps";
import { grantUnavailableError, relayUpstreamError } from "./upstream-errors";

/** `tools/list`: the upstream's tools, less every tool this grant's policy would refuse. */
export async function handleListTools(
  deps: GatewayDeps,
  request: ListToolsRequest,
  sessionId: string | undefined,
): Promise<ListToolsResult> {
  const startedAtMs = deps.now();
  const grant = await deps.currentGrant();
  if (!grant || grant.isRevoked || !grant.policy) throw grantUnavailableError(grant);
  const audit = (outcome: { upstreamError?: string; reason?: string }) =>
    deps.recordAudit(
      buildAuditEvent({
        grant,
        startedAtMs,
        nowMs: deps.now(),
        outcome: { method: "tools/list", decision: "allow", rule: "tools/list", sessionId, ...outcome },
      }),
    );
  let result: ListToolsResult;
  try {
    result = await deps.upstream.request(
      { method: "tools/list", params: request.params ?? {} },
      ListToolsResultSchema,
      { timeout: deps.upstreamTimeoutMs },
    );
  } catch (error) {
    const relayed = relayUpstreamError(error);
    audit({ upstreamError: relayed.message });
    throw relayed;
  }
  const policy = grant.policy;
  const tools = result.tools.filter((tool) => isToolVisible({ policy, tool: tool.name }));
  const hidden = result.tools.length - tools.length;
  audit({ reason: `${tools.length} tool(s) listed, ${hidden} hidden by policy` });
  return { ...result, tools };
}
