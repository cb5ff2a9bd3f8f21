import type { CallKind, Decision, ResolvedLimit } from "@gatehouse/policy/evaluate-call";
import { evaluateCall } from "@gatehouse/policy/evaluate-call";
import { argumentsToLog, type JsonValue } from "@gatehouse/policy/redact-arguments";
import type { ApprovalAudit } from "../approvals/approval-outcome";
import { holdForApproval } from "../approvals/hold-for-approval";
import { buildAuditEvent } from "../audit/build-audit-event";
import { placeLimitsAt } from "../limits/place-limits-at";
import { describeLimitDenial, retryAfterSeconds } from "../policy/describe-limit-denial";
import { auditedDecision, changedToolVerdict, isBlockedByChange, type Verdict } from "./call-verdict";
import { forwardUpstream, type UpstreamOutcome } from "./forward-upstream";
import type { GatewayDeps, LiveGrant, RequestContext } from "./gateway-deps";

export type GovernedCall<R> = {
  kind: CallKind;
  method: string;
  name: string;
  args: Record<string, unknown>;
  /** The agent's request; a call held for approval ends when it is cancelled. */
  request: RequestContext;
  /** Sends the request upstream; only called when the policy lets the call through. */
  forward: () => Promise<R>;
  /** What the agent receives when the call is refused. */
  refuse: (reason: string, retryAfterSeconds?: number) => R;
  /** Reads a tool result's isError flag; absent for results that have none. */
  isErrorResult?: (result: R) => boolean;
};

/** The call itself, apart from how it is forwarded and answered. */
export type CallShape = Pick<GovernedCall<unknown>, "kind" | "method" | "name" | "args" | "request">;

/**
 * Decides one call under the grant's policy and limits, holds it for a person when the
 * policy asks, forwards it only when allowed (or in shadow mode), gives reserved quota
 * back when the upstream call fails, and audits what happened.
 */
export async function governCall<R>(deps: GatewayDeps, grant: LiveGrant, call: GovernedCall<R>): Promise<R> {
  const startedAtMs = call.request.receivedAtMs;
  const decision = evaluateCall(grant.policy, callFacts(grant, call), new Date(startedAtMs));
  const verdict = isBlockedByChange(deps, grant, call)
    ? changedToolVerdict(decision, call.name)
    : await decide(deps, grant, decision, call);
  const isShadow = verdict.decision.mode === "shadow";
  const audit = (outcome: UpstreamOutcome) =>
    deps.recordAudit(
      buildAuditEvent({
        grant,
        caller: call.request.caller,
        startedAtMs,
        nowMs: deps.now(),
        outcome: {
          method: call.method,
          tool: call.name,
          argumentKeys: Object.keys(call.args),
          // Arguments arrive as JSON, so they are JSON values.
          arguments: argumentsToLog(call.args as Record<string, JsonValue>, grant.policy.log_arguments),
          decision: auditedDecision(verdict),
          isShadow: isShadow && !verdict.isAllowed,
          rule: verdict.rule,
          reason: verdict.reason,
          ...verdict.approval,
          ...outcome,
        },
      }),
    );
  if (!verdict.isAllowed && !isShadow) {
    audit({});
    return call.refuse(verdict.reason, verdict.retryAfterSeconds);
  }
  const forwarded = await forwardUpstream(deps.now, call.forward, call.isErrorResult);
  audit(forwarded.outcome);
  if (forwarded.isOk) return forwarded.result;
  // The call did not happen upstream, so its quota is given back.
  if (verdict.isAllowed) await deps.rateLimiter.release(verdict.reservation).catch(() => undefined);
  throw forwarded.error;
}

/** What the policy looks at about a call. */
export function callFacts(grant: LiveGrant, call: CallShape) {
  return {
    kind: call.kind,
    name: call.name,
    args: call.args,
    category: call.kind === "tool" ? grant.tools.get(call.name)?.category : undefined,
    grant: { id: grant.grantId, name: grant.grantName },
    session: { id: call.request.sessionId ?? null },
  };
}

async function decide(
  deps: GatewayDeps,
  grant: LiveGrant,
  decision: Decision,
  call: CallShape,
): Promise<Verdict> {
  const { rule } = decision;
  if (decision.effect === "deny") {
    return { isAllowed: false, effect: "deny", decision, rule, reason: decision.reason };
  }
  if (decision.effect === "allow") {
    return reserveLimits(deps, grant, call, decision.limits, { decision, rule, reason: decision.reason });
  }
  // Shadow mode records that the call would have been held, and lets it through at once.
  if (decision.mode === "shadow") {
    return { isAllowed: false, effect: "require_approval", decision, rule, reason: decision.reason };
  }
  const held = await holdForApproval(deps.approvals, { ...call, grant, decision });
  if (!held.isApproved) {
    const { reason, audit: approval } = held;
    return { isAllowed: false, effect: "require_approval", decision, rule, reason, approval };
  }
  return reserveLimits(deps, grant, call, placeLimitsAt(decision.limits, deps.now()), {
    decision,
    rule,
    reason: held.reason,
    approval: held.audit,
  });
}

async function reserveLimits(
  deps: GatewayDeps,
  grant: LiveGrant,
  call: CallShape,
  limits: ResolvedLimit[],
  base: { decision: Decision; rule: string; reason: string | null; approval?: ApprovalAudit },
): Promise<Verdict> {
  try {
    const outcome = await deps.rateLimiter.reserve({
      limits,
      scopeIds: {
        grant: grant.grantId,
        session: call.request.sessionId ?? "none",
        server: grant.serverId,
        org: grant.orgId,
      },
      nowMs: deps.now(),
    });
    if (outcome.isAllowed) return { ...base, isAllowed: true, reservation: outcome.reservation };
    const nowMs = deps.now();
    return {
      ...base,
      isAllowed: false,
      effect: "deny",
      rule: outcome.limit.pointer,
      reason: describeLimitDenial({ limit: outcome.limit, nowMs }),
      retryAfterSeconds: retryAfterSeconds(outcome.limit, nowMs),
    };
  } catch (error) {
    // Fail closed: a limit that cannot be counted is not a limit.
    deps.logger.error({ err: error, grantId: grant.grantId }, "rate limit counters unavailable");
    const reason =
      "Gatehouse cannot check this call's rate limits right now (counter store unavailable). Try again shortly.";
    return { ...base, isAllowed: false, effect: "deny", reason };
  }
}
