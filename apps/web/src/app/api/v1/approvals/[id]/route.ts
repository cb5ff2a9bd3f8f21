import { apiRoute } from "@/server/api/api-route";
import { respond } from "@/server/api/respond";
import { ApprovalResponseSchema } from "@/server/api/schemas/approval-schemas";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import { loadApproval } from "@/server/approvals/load-approval";

/** One approval request, with its arguments while it is pending (an API key acts as an admin, who may decide). */
export const GET = apiRoute({ params: IdParamsSchema }, async ({ principal, params, services }) => {
  const approval = await loadApproval(services, {
    orgId: principal.orgId,
    approvalId: params.id,
    withArguments: true,
  });
  return respond(ApprovalResponseSchema, { approval });
});
