import { createApprovalPublisher } from "@gatehouse/core/approvals/approval-channel";
import { decideApproval } from "@gatehouse/core/approvals/decide-approval";
import { apiActor } from "@/server/api/api-actor";
import { apiRoute } from "@/server/api/api-route";
import { parseBody } from "@/server/api/parse-request";
import { readJsonBody } from "@/server/api/read-json-body";
import { respond } from "@/server/api/respond";
import {
  ApprovalDecisionResponseSchema,
  DecideApprovalBodySchema,
} from "@/server/api/schemas/approval-schemas";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import { loadApproval } from "@/server/approvals/load-approval";

/** Approves or denies a pending request once; a second decision is 409, saying how it ended. */
export const POST = apiRoute(
  { permission: "decide_approvals", params: IdParamsSchema },
  async ({ request, principal, params, services }) => {
    const body = parseBody(DecideApprovalBodySchema, await readJsonBody(request));
    const scope = { orgId: principal.orgId, approvalId: params.id };
    const { isPropagated } = await decideApproval(
      { db: services.db, publish: createApprovalPublisher(services.redis) },
      { ...scope, ...body, actor: apiActor(principal), now: new Date() },
    );
    const approval = await loadApproval(services, { ...scope, withArguments: false });
    return respond(ApprovalDecisionResponseSchema, { approval, isPropagated });
  },
);
