import { argumentsDigest } from "@gatehouse/core/approvals/arguments-digest";
import { findReusableApproval } from "@gatehouse/core/approvals/find-reusable-approval";
import { openApprovalRequest } from "@gatehouse/core/approvals/open-approval-request";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { SecretBox } from "@gatehouse/core/secrets/secret-box";
import type { Db } from "@gatehouse/db/client";
import type { CallKind, Decision } from "@gatehouse/policy/evaluate-call";
import type { LiveGrant, RequestContext } from "../mcp/gateway-deps";
import type { ApprovalAnnouncer } from "./announce-approval-request";
import { type ApprovalOutcome, describeApprovalOutcome, reusedApprovalOutcome } from "./approval-outcome";
import { startApprovalProgress } from "./approval-progress";
import type { ApprovalRegistry } from "./approval-registry";

/** What holding calls for approval needs, created once per process. */
export type ApprovalDeps = {
  db: Db;
  secretBox: SecretBox;
  registry: ApprovalRegistry;
  announce: ApprovalAnnouncer;
  logger: Logger;
  /** This process's holder id; the worker's sweep abandons its requests once its liveness key lapses. */
  holderId: string;
  defaultTimeoutSeconds: number;
  maxTimeoutSeconds: number;
  progressIntervalMs: number;
  now: () => number;
};

export type HeldCall = {
  grant: LiveGrant;
  decision: Extract<Decision, { effect: "require_approval" }>;
  kind: CallKind;
  method: string;
  name: string;
  args: Record<string, unknown>;
  request: RequestContext;
};

const UNAVAILABLE: Omit<ApprovalOutcome, "audit"> = {
  isApproved: false,
  reason:
    "Gatehouse cannot hold this call for approval right now (approval store unavailable), so it was not made. Try again shortly.",
};

const CLOSING: ApprovalOutcome = {
  isApproved: false,
  reason: "This Gatehouse proxy is shutting down and cannot hold calls for approval. Call again shortly.",
  audit: {},
};

/**
 * Holds a call until a person decides: lets it through at once when an identical call's
 * approval may be reused, otherwise records an approval request bound to its exact
 * arguments, announces it, and waits (reporting progress) until it is decided, expires
 * or is cancelled. Fails closed: when requests cannot be stored the call is refused.
 */
export async function holdForApproval(deps: ApprovalDeps, call: HeldCall): Promise<ApprovalOutcome> {
  const { grant, decision } = call;
  let approvalId: string | null = null;
  try {
    const reusable = await findReusable(deps, call);
    if (reusable) return reusedApprovalOutcome(reusable);
    if (!deps.registry.isOpen) return CLOSING;
    const timeoutSeconds = Math.min(
      decision.approval.timeout ?? deps.defaultTimeoutSeconds,
      deps.maxTimeoutSeconds,
    );
    const opened = await openApprovalRequest(deps, {
      orgId: grant.orgId,
      grantId: grant.grantId,
      serverId: grant.serverId,
      kind: call.kind,
      method: call.method,
      name: call.name,
      args: call.args,
      policyId: grant.policyId,
      policyVersion: grant.policyVersion,
      rule: decision.rule,
      reason: decision.reason,
      sessionId: call.request.sessionId ?? null,
      holderId: deps.holderId,
      timeoutSeconds,
      reuseWindowSeconds: decision.approval.allow_identical_for ?? null,
      now: new Date(deps.now()),
    });
    approvalId = opened.id;
    deps.announce(opened.id);
    const stopProgress = startApprovalProgress({
      request: call.request,
      expiresAt: opened.expiresAt,
      intervalMs: deps.progressIntervalMs,
      now: deps.now,
    });
    const ended = await deps.registry.wait(opened, call.request.signal).finally(stopProgress);
    return describeApprovalOutcome(ended, { isCancelled: call.request.signal.aborted });
  } catch (error) {
    deps.logger.error(
      { err: error, grantId: grant.grantId, approvalId },
      "could not hold a call for approval",
    );
    return { ...UNAVAILABLE, audit: { approvalId } };
  }
}

// Only a policy offering "allow identical calls" can have reusable approvals, so
// other calls skip the query.
function findReusable(deps: ApprovalDeps, call: HeldCall) {
  if (call.decision.approval.allow_identical_for === undefined) return Promise.resolve(null);
  return findReusableApproval(deps.db, {
    grantId: call.grant.grantId,
    kind: call.kind,
    name: call.name,
    argsDigest: argumentsDigest(call.args),
    policyVersion: call.grant.policyVersion,
    now: new Date(deps.now()),
  });
}
