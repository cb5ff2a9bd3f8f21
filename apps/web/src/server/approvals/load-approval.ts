import "server-only";
import { getApprovalSummary } from "@gatehouse/core/approvals/list-approval-requests";
import { readApprovalArguments } from "@gatehouse/core/approvals/read-approval-arguments";
import { GatehouseError } from "@gatehouse/core/errors/gatehouse-error";
import type { ApprovalView } from "@/lib/approval-feeds";
import type { Services } from "@/server/services";

/**
 * One request of the organisation, with its arguments when `withArguments` (the caller
 * may decide it) and it is still pending. Another organisation's id is not found.
 */
export async function loadApproval(
  services: Pick<Services, "db" | "secretBox">,
  options: { orgId: string; approvalId: string; withArguments: boolean },
): Promise<ApprovalView> {
  const scope = { orgId: options.orgId, approvalId: options.approvalId };
  const summary = await getApprovalSummary(services.db, scope);
  if (!summary) throw new GatehouseError("not_found", "No such approval request in this organisation.");
  const args =
    options.withArguments && summary.status === "pending"
      ? await readApprovalArguments({ db: services.db, secretBox: services.secretBox }, scope)
      : null;
  return { ...summary, arguments: args };
}
