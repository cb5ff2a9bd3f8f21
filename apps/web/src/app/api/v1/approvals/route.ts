import { listApprovalRequests } from "@gatehouse/core/approvals/list-approval-requests";
import { apiRoute } from "@/server/api/api-route";
import { parseQuery } from "@/server/api/parse-request";
import { respond } from "@/server/api/respond";
import { ApprovalListQuerySchema, ApprovalListResponseSchema } from "@/server/api/schemas/approval-schemas";

/** Lists pending (most urgent first) or ended (newest first) approval requests, without arguments. */
export const GET = apiRoute({}, async ({ request, principal, services }) => {
  const { state } = parseQuery(ApprovalListQuerySchema, request.url);
  const approvals = await listApprovalRequests(services.db, { orgId: principal.orgId, state });
  return respond(ApprovalListResponseSchema, { approvals });
});
