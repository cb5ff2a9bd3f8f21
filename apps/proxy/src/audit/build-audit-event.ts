import { randomUUID } from "node:crypto";
import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import type { GrantSnapshot } from "../grants/grant-snapshot";

type Outcome = Partial<
  Pick<
    AuditEvent,
    | "tool"
    | "rule"
    | "reason"
    | "upstreamStatus"
    | "upstreamError"
    | "sessionId"
    | "argumentKeys"
    | "isShadow"
    | "approvalId"
    | "approvalStatus"
    | "approvedBy"
    | "approvalWaitMs"
  >
> &
  Pick<AuditEvent, "method" | "decision">;

/** Builds the audit event of one answered request; argument values are never included, only keys. */
export function buildAuditEvent(options: {
  grant: Pick<GrantSnapshot, "grantId" | "orgId" | "serverId" | "policyId" | "policyVersion">;
  startedAtMs: number;
  nowMs: number;
  outcome: Outcome;
}): AuditEvent {
  const { outcome } = options;
  return {
    id: randomUUID(),
    orgId: options.grant.orgId,
    grantId: options.grant.grantId,
    serverId: options.grant.serverId,
    occurredAt: new Date(options.startedAtMs).toISOString(),
    method: outcome.method,
    tool: truncate(outcome.tool, 2000),
    decision: outcome.decision,
    isShadow: outcome.isShadow ?? false,
    rule: outcome.rule ?? null,
    policyId: options.grant.policyId,
    policyVersion: options.grant.policyVersion || null,
    reason: truncate(outcome.reason, 2000),
    upstreamStatus: outcome.upstreamStatus ?? null,
    upstreamError: truncate(outcome.upstreamError, 2000),
    latencyMs: Math.max(0, Math.round(options.nowMs - options.startedAtMs)),
    sessionId: outcome.sessionId ?? null,
    argumentKeys: (outcome.argumentKeys ?? []).slice(0, 200).map((key) => key.slice(0, 200)),
    approvalId: outcome.approvalId ?? null,
    approvalStatus: outcome.approvalStatus ?? null,
    approvedBy: truncate(outcome.approvedBy, 200),
    approvalWaitMs: outcome.approvalWaitMs ?? null,
  };
}

function truncate(text: string | null | undefined, max: number): string | null {
  if (text === null || text === undefined) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
