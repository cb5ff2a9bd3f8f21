import "server-only";
import { listApprovalRequests } from "@gatehouse/core/approvals/list-approval-requests";
import { readPendingApprovalArguments } from "@gatehouse/core/approvals/read-pending-approval-arguments";
import type { ApprovalInbox } from "@/lib/approval-feeds";
import { can } from "@/server/auth/permissions";
import type { SessionContext } from "@/server/auth/session";
import type { Services } from "@/server/services";

// Enough to see what was decided lately; the audit log keeps the full history.
const RECENTLY_ENDED = 25;

/** What the inbox shows: argument values only for those who may decide. */
export async function loadApprovalInbox(
  services: Pick<Services, "db" | "secretBox">,
  session: Pick<SessionContext, "orgId" | "role">,
): Promise<ApprovalInbox> {
  const { db, secretBox } = services;
  const canDecide = can(session.role, "decide_approvals");
  const now = new Date();
  const [pending, ended] = await Promise.all([
    listApprovalRequests(db, { orgId: session.orgId, state: "pending" }),
    listApprovalRequests(db, { orgId: session.orgId, state: "ended", limit: RECENTLY_ENDED }),
  ]);
  const args = canDecide
    ? await readPendingApprovalArguments(
        { db, secretBox },
        { orgId: session.orgId, approvalIds: pending.map((approval) => approval.id) },
      )
    : new Map<string, Record<string, unknown>>();
  return {
    canDecide,
    now,
    // For those who may decide, a pending request without arguments ended between the two
    // reads (they are purged with the decision); the next poll lists it as ended.
    pending: pending
      .map((approval) => ({ ...approval, arguments: args.get(approval.id) ?? null }))
      .filter((approval) => !canDecide || approval.arguments !== null),
    ended,
  };
}
