import "server-only";
import type { ApprovalDetail } from "@/lib/approval-feeds";
import { can } from "@/server/auth/permissions";
import type { SessionContext } from "@/server/auth/session";
import type { Services } from "@/server/services";
import { loadApproval } from "./load-approval";

/** What a request's page shows: argument values only for those who may decide. Not found for other orgs. */
export async function loadApprovalDetail(
  services: Pick<Services, "db" | "secretBox">,
  session: Pick<SessionContext, "orgId" | "role">,
  approvalId: string,
): Promise<ApprovalDetail> {
  const canDecide = can(session.role, "decide_approvals");
  const now = new Date();
  const approval = await loadApproval(services, {
    orgId: session.orgId,
    approvalId,
    withArguments: canDecide,
  });
  return { canDecide, now, approval };
}
