import type { ApprovalRequest } from "@gatehouse/db/models";

type Ended = Pick<ApprovalRequest, "status" | "decidedByName" | "decidedAt" | "expiresAt">;

/** Says how a request that can no longer be decided ended, for the person trying to decide it. */
export function describeEndedApproval(approval: Ended, now: Date): string {
  const by = approval.decidedByName ?? "someone";
  const at = approval.decidedAt?.toISOString() ?? "";
  switch (approval.status) {
    case "approved":
      return `This request was already approved by ${by} at ${at}.`;
    case "denied":
      return `This request was already denied by ${by} at ${at}.`;
    case "cancelled":
      return "The agent cancelled this request (or disconnected) before anyone decided.";
    case "abandoned":
      return "This request was abandoned: the proxy process holding the call stopped.";
    case "expired":
      return `This request expired at ${approval.expiresAt.toISOString()}.`;
    default:
      return approval.expiresAt <= now
        ? `This request expired at ${approval.expiresAt.toISOString()}.`
        : "This request is still pending.";
  }
}
