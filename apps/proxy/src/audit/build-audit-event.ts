import { randomUUID } from "node:crypto";
import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import type { GrantSnapshot } from "../grants/grant-snapshot";
import type { Caller } from "./caller";

/** The grant a request was made under; its policy fields only when the policy was consulted. */
export type AuditedGrant = Pick<GrantSnapshot, "grantId" | "orgId" | "serverId"> &
  Partial<Pick<GrantSnapshot, "policyId" | "policyVersion">>;

/** What happened to a request: the decision, and the upstream's answer when it was forwarded. */
export type AuditOutcome = Partial<
  Pick<
    AuditEvent,
    | "tool"
    | "rule"
    | "reason"
    | "isShadow"
    | "upstreamStatus"
    | "upstreamError"
    | "jsonRpcErrorCode"
    | "upstreamHttpStatus"
    | "resultIsError"
    | "upstreamLatencyMs"
    | "resultBytes"
    | "argumentKeys"
    | "arguments"
    | "approvalId"
    | "approvalStatus"
    | "approvedBy"
    | "approvalWaitMs"
  >
> &
  Pick<AuditEvent, "method" | "decision">;

/**
 * Builds the audit event of one answered request. `grant` is null when the request was refused
 * before any grant was known. Argument values appear only as the policy's log_arguments allows.
 */
export function buildAuditEvent(options: {
  grant: AuditedGrant | null;
  caller: Caller;
  startedAtMs: number;
  nowMs: number;
  outcome: AuditOutcome;
}): AuditEvent {
  const { grant, caller, outcome } = options;
  return {
    id: randomUUID(),
    orgId: grant?.orgId ?? null,
    grantId: grant?.grantId ?? null,
    serverId: grant?.serverId ?? null,
    occurredAt: new Date(options.startedAtMs).toISOString(),
    method: outcome.method.slice(0, 200),
    tool: truncate(outcome.tool, 2000),
    decision: outcome.decision,
    isShadow: outcome.isShadow ?? false,
    rule: truncate(outcome.rule, 300),
    policyId: grant?.policyId ?? null,
    policyVersion: grant?.policyVersion || null,
    reason: truncate(outcome.reason, 2000),
    upstreamStatus: outcome.upstreamStatus ?? null,
    upstreamError: truncate(outcome.upstreamError, 2000),
    jsonRpcErrorCode: outcome.jsonRpcErrorCode ?? null,
    upstreamHttpStatus: outcome.upstreamHttpStatus ?? null,
    resultIsError: outcome.resultIsError ?? null,
    latencyMs: Math.max(0, Math.round(options.nowMs - options.startedAtMs)),
    upstreamLatencyMs: outcome.upstreamLatencyMs ?? null,
    resultBytes: outcome.resultBytes ?? null,
    sessionId: truncate(caller.sessionId, 200),
    clientName: truncate(caller.clientName, 200),
    clientVersion: truncate(caller.clientVersion, 100),
    clientIp: caller.clientIp,
    userAgent: caller.userAgent,
    tokenPrefix: caller.tokenPrefix,
    argumentKeys: (outcome.argumentKeys ?? []).slice(0, 200).map((key) => key.slice(0, 200)),
    arguments: outcome.arguments ?? null,
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
