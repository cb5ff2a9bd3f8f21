import { evaluateToolCall } from "@gatehouse/policy/evaluate-tool-call";
import type { Policy } from "@gatehouse/policy/policy-schema";
import {
  type CallToolRequest,
  type CallToolResult,
  CallToolResultSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";
import { buildAuditEvent } from "../audit/build-audit-event";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import { denialResult } from "../policy/denial-result";
import { describeLimitDenial } from "../policy/describe-limit-denial";
import type { GatewayDeps } from "./gateway-deps";
import { grantUnavailableError, relayUpstreamError } from "./upstream-errors";

type Verdict = { isAllowed: true; rule: string } | { isAllowed: false; rule: string; reason: string };

/** `tools/call`: decide under the grant's policy and limits; forward only what is allowed. */
export async function handleCallTool(
  deps: GatewayDeps,
  request: CallToolRequest,
  sessionId: string | undefined,
): Promise<CallToolResult> {
  const startedAtMs = deps.now();
  const grant = await deps.currentGrant();
  if (!grant || grant.isRevoked || !grant.policy) throw grantUnavailableError(grant);
  const tool = request.params.name;
  const argumentKeys = Object.keys(request.params.arguments ?? {});
  const audit = (outcome: {
    decision: "allow" | "deny";
    rule: string;
    reason?: string;
    upstreamError?: string;
    upstreamStatus?: string;
  }) =>
    deps.recordAudit(
      buildAuditEvent({
        grant,
        startedAtMs,
        nowMs: deps.now(),
        outcome: { method: "tools/call", tool, sessionId, argumentKeys, ...outcome },
      }),
    );
  const verdict = await decide(deps, { grant, policy: grant.policy, tool, sessionId, nowMs: startedAtMs });
  if (!verdict.isAllowed) {
    audit({ decision: "deny", rule: verdict.rule, reason: verdict.reason });
    return denialResult(verdict.reason);
  }
  try {
    const result = await deps.upstream.request(
      { method: "tools/call", params: request.params },
      CallToolResultSchema,
      {
        timeout: deps.upstreamTimeoutMs,
      },
    );
    audit({ decision: "allow", rule: verdict.rule, upstreamStatus: result.isError ? "tool_error" : "ok" });
    return result;
  } catch (error) {
    const relayed = relayUpstreamError(error);
    audit({ decision: "allow", rule: verdict.rule, upstreamStatus: "error", upstreamError: relayed.message });
    throw relayed;
  }
}

async function decide(
  deps: GatewayDeps,
  call: { grant: GrantSnapshot; policy: Policy; tool: string; sessionId: string | undefined; nowMs: number },
): Promise<Verdict> {
  const { grant, tool, sessionId, nowMs } = call;
  const decision = evaluateToolCall({ policy: call.policy, tool });
  if (decision.effect === "deny") return { isAllowed: false, rule: decision.rule, reason: decision.reason };
  try {
    const outcome = await deps.rateLimiter.consume({
      limits: decision.limits,
      scopeIds: {
        grant: grant.grantId,
        session: sessionId ?? "none",
        server: grant.serverId,
        org: grant.orgId,
      },
      nowMs,
    });
    if (outcome.isAllowed) return { isAllowed: true, rule: decision.rule };
    return {
      isAllowed: false,
      rule: `${decision.rule}.limits[${outcome.limitIndex}]`,
      reason: describeLimitDenial({ limit: outcome.limit, resetAt: outcome.resetAt, nowMs }),
    };
  } catch (error) {
    // Fail closed: a limit that cannot be counted is not a limit.
    deps.logger.error({ err: error, grantId: grant.grantId, tool }, "rate limit counters unavailable");
    if (error instanceof McpError) throw error;
    return {
      isAllowed: false,
      rule: `${decision.rule}.limits`,
      reason:
        "Gatehouse cannot check this tool's rate limits right now (counter store unavailable). Try again shortly.",
    };
  }
}
