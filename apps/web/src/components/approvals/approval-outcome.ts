import type { ApprovalStatus } from "@gatehouse/db/models";
import type { BadgeTone } from "@/components/ui/badge";
import type { ApprovalSummaryView } from "@/lib/approval-feeds";
import { formatDurationMs } from "@/lib/format";

/** A request's status as a badge shows it. */
export const APPROVAL_STATUS_BADGES: Record<ApprovalStatus, { tone: BadgeTone; label: string }> = {
  pending: { tone: "amber", label: "pending" },
  approved: { tone: "green", label: "approved" },
  denied: { tone: "red", label: "denied" },
  expired: { tone: "slate", label: "timed out" },
  cancelled: { tone: "slate", label: "cancelled" },
  abandoned: { tone: "orange", label: "abandoned" },
  reused: { tone: "indigo", label: "reused approval" },
};

export type ApprovalOutcome = {
  status: ApprovalStatus;
  /** Who decided; for a reused approval, who approved the identical call it reused. */
  decidedBy: string | null;
  /** How long the call was held; null when unknown. */
  waitMs: number | null;
};

/**
 * How a held call ended, in a few words, e.g. "approved by Alice after 12 s". The
 * inbox and the audit log both say it, from the request or from the audit event.
 */
export function describeApprovalOutcome({ status, decidedBy, waitMs }: ApprovalOutcome): string {
  const after = waitMs === null ? "" : ` after ${formatDurationMs(waitMs)}`;
  switch (status) {
    case "pending":
      return "waiting for a decision";
    case "approved":
      return `approved by ${decidedBy ?? "someone"}${after}`;
    case "denied":
      return `denied by ${decidedBy ?? "someone"}${after}`;
    case "expired":
      return `timed out${after}: nobody decided in time`;
    case "cancelled":
      return `cancelled by the agent${after}`;
    case "abandoned":
      return "abandoned: the proxy holding the call stopped";
    case "reused":
      return decidedBy
        ? `let through by ${decidedBy}'s earlier approval of an identical call`
        : "let through by an earlier approval of an identical call";
  }
}

/** A request's outcome as the inbox knows it; the wait runs from the call being held to its end. */
export function outcomeOfRequest(
  approval: Pick<ApprovalSummaryView, "status" | "decidedByName" | "createdAt" | "decidedAt">,
): ApprovalOutcome {
  return {
    status: approval.status,
    decidedBy: approval.decidedByName,
    waitMs: approval.decidedAt ? approval.decidedAt.getTime() - approval.createdAt.getTime() : null,
  };
}
