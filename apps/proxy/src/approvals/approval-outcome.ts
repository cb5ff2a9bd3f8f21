import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import type { ApprovalRequest } from "@gatehouse/db/models";
import { formatDuration } from "./format-duration";

/** What the audit log records about a held call's approval. */
export type ApprovalAudit = Pick<
  AuditEvent,
  "approvalId" | "approvalStatus" | "approvedBy" | "approvalWaitMs"
>;

/** How holding a call ended: whether it may go on to the upstream, the reason given, and what is audited. */
export type ApprovalOutcome = { isApproved: boolean; reason: string; audit: ApprovalAudit };

type Ended = Pick<
  ApprovalRequest,
  "id" | "status" | "decidedByName" | "comment" | "createdAt" | "decidedAt" | "expiresAt"
>;

/**
 * The outcome of a request that has ended. A call whose agent has gone (`isCancelled`) is
 * never forwarded, even if a person approved it in the same instant.
 */
export function describeApprovalOutcome(request: Ended, options: { isCancelled: boolean }): ApprovalOutcome {
  const isDecision = request.status === "approved" || request.status === "denied";
  const audit: ApprovalAudit = {
    approvalId: request.id,
    approvalStatus: request.status,
    approvedBy: isDecision ? request.decidedByName : null,
    approvalWaitMs: Math.max(
      0,
      (request.decidedAt ?? request.expiresAt).getTime() - request.createdAt.getTime(),
    ),
  };
  if (options.isCancelled) {
    const reason = "The agent cancelled the call (or disconnected) while it waited for approval.";
    return { isApproved: false, reason, audit };
  }
  return { isApproved: request.status === "approved", reason: explain(request), audit };
}

/** A call let through by an earlier approval whose approver allowed identical calls. */
export function reusedApprovalOutcome(approval: Ended): ApprovalOutcome {
  const by = approval.decidedByName ?? "someone";
  return {
    isApproved: true,
    reason: `Identical call approved by ${by} (approval ${approval.id}) while identical calls are allowed.`,
    audit: {
      approvalId: approval.id,
      approvalStatus: "reused",
      approvedBy: approval.decidedByName,
      approvalWaitMs: 0,
    },
  };
}

function explain(request: Ended): string {
  const by = request.decidedByName ?? "someone";
  const comment = request.comment ? `: ${request.comment}` : "";
  switch (request.status) {
    case "approved":
      return `Approved by ${by}${comment}`;
    case "denied":
      return `Approval denied by ${by}${comment}`;
    case "expired":
      return `Approval timed out after ${formatDuration((request.expiresAt.getTime() - request.createdAt.getTime()) / 1000)}`;
    case "abandoned":
      return "Approval abandoned: the Gatehouse proxy holding this call is shutting down (or could not report that it is alive), so the call was not made. Call again to ask for a new approval.";
    default:
      return "The approval request was cancelled, so the call was not made. Call again to ask for a new approval.";
  }
}
