import type { CallKind, Decision } from "@gatehouse/policy/evaluate-call";
import { evaluateCall } from "@gatehouse/policy/evaluate-call";
import { buildAuditEvent } from "../audit/build-audit-event";
import type { Reservation } from "../limits/rate-limiter";
import { describeLimitDenial, retryAfterSeconds } from "../policy/describe-limit-denial";
import type { GatewayDeps, LiveGrant } from "./gateway-deps";
import { relayUpstreamError } from "./upstream-errors";

export type GovernedCall<R> = {
  kind: CallKind;
  method: string;
  name: string;
  args: Record<string, unknown>;
  sessionId: string | undefined;
  /** Sends the request upstream; only called when the policy lets the call through. */
  forward: () => Promise<R>;
  /** What the agent receives when the call is refused. */
  refuse: (reason: string, retryAfterSeconds?: number) => R;
  /** How a successful upstream answer is described in the audit log. */
  describeResult: (result: R) => string;
};

type Verdict =
  | { isAllowed: true; decision: Decision; reservation: Reservation }
  | {
      isAllowed: false;
      effect: "deny" | "require_approval";
      decision: Decision;
      rule: string;
      reason: string;
      retryAfterSeconds?: number;
    };

/**
 * Decides one call under the grant's policy and limits, forwards it only when
 * allowed (or in shadow mode), gives reserved quota back when the upstream call
 * fails, and audits what happened.
 */
export async function governCall<R>(deps: GatewayDeps, grant: LiveGrant, call: GovernedCall<R>): Promise<R> {
  const startedAtMs = deps.now();
  const category = call.kind === "tool" ? grant.tools.get(call.name)?.category : undefined;
  const facts = {
    kind: call.kind,
    name: call.name,
    args: call.args,
    category,
    grant: { id: grant.grantId, name: grant.grantName },
    session: { id: call.sessionId ?? null },
  };
  const decision = evaluateCall(grant.policy, facts, new Date(startedAtMs));
  const verdict = isBlockedByChange(deps, grant, call)
    ? changedToolVerdict(decision, call.name)
    : await decide(deps, grant, decision, call.sessionId);
  const isShadow = verdict.decision.mode === "shadow";
  const audit = (outcome: { upstreamStatus?: string; upstreamError?: string }) =>
    deps.recordAudit(
      buildAuditEvent({
        grant,
        startedAtMs,
        nowMs: deps.now(),
        outcome: {
          method: call.method,
          tool: call.name,
          sessionId: call.sessionId,
          argumentKeys: Object.keys(call.args),
          decision: verdict.isAllowed
            ? "allow"
            : verdict.decision.effect === "allow"
              ? "deny"
              : verdict.decision.effect,
          isShadow: isShadow && !verdict.isAllowed,
          rule: verdict.isAllowed ? verdict.decision.rule : verdict.rule,
          reason: verdict.isAllowed ? verdict.decision.reason : verdict.reason,
          ...outcome,
        },
      }),
    );
  if (!verdict.isAllowed && !isShadow) {
    audit({});
    return call.refuse(verdict.reason, verdict.retryAfterSeconds);
  }
  const reservation = verdict.isAllowed ? verdict.reservation : undefined;
  try {
    const result = await call.forward();
    audit({ upstreamStatus: call.describeResult(result) });
    return result;
  } catch (error) {
    // The call did not happen upstream, so its quota is given back.
    if (reservation) await deps.rateLimiter.release(reservation).catch(() => undefined);
    const relayed = relayUpstreamError(error);
    audit({ upstreamStatus: "error", upstreamError: relayed.message });
    throw relayed;
  }
}

// A tool whose definition changed since a person approved it is refused (unless the
// policy accepts changes), whatever the policy would otherwise decide: its new
// description may carry instructions the approver never saw.
function isBlockedByChange(
  deps: GatewayDeps,
  grant: LiveGrant,
  call: { kind: string; name: string },
): boolean {
  if (call.kind !== "tool" || grant.policy.on_tool_change === "allow") return false;
  const known = grant.tools.get(call.name);
  return (known !== undefined && !known.isApproved) || deps.drift.has(grant.serverId, call.name);
}

function changedToolVerdict(decision: Decision, tool: string): Verdict {
  const reason = `Tool ${JSON.stringify(tool)} changed since it was approved: its definition differs from the catalogued one. A person must review and approve the new definition in the Gatehouse dashboard before it can be called.`;
  return { isAllowed: false, effect: "deny", decision, rule: "(tool changed)", reason };
}

async function decide(
  deps: GatewayDeps,
  grant: LiveGrant,
  decision: Decision,
  sessionId: string | undefined,
): Promise<Verdict> {
  if (decision.effect === "deny") {
    return { isAllowed: false, effect: "deny", decision, rule: decision.rule, reason: decision.reason };
  }
  if (decision.effect === "require_approval") {
    // Approvals land with the approvals feature; until then a held call is refused, saying why.
    const reason = `Approval required: ${decision.reason} This Gatehouse cannot hold calls for approval yet, so the call was not made.`;
    return { isAllowed: false, effect: "require_approval", decision, rule: decision.rule, reason };
  }
  try {
    const outcome = await deps.rateLimiter.reserve({
      limits: decision.limits,
      scopeIds: {
        grant: grant.grantId,
        session: sessionId ?? "none",
        server: grant.serverId,
        org: grant.orgId,
      },
      nowMs: deps.now(),
    });
    if (outcome.isAllowed) return { isAllowed: true, decision, reservation: outcome.reservation };
    const nowMs = deps.now();
    return {
      isAllowed: false,
      effect: "deny",
      decision,
      rule: outcome.limit.pointer,
      reason: describeLimitDenial({ limit: outcome.limit, nowMs }),
      retryAfterSeconds: retryAfterSeconds(outcome.limit, nowMs),
    };
  } catch (error) {
    // Fail closed: a limit that cannot be counted is not a limit.
    deps.logger.error({ err: error, grantId: grant.grantId }, "rate limit counters unavailable");
    const reason =
      "Gatehouse cannot check this call's rate limits right now (counter store unavailable). Try again shortly.";
    return { isAllowed: false, effect: "deny", decision, rule: decision.rule, reason };
  }
}
