import { z } from "zod";
import { ApprovalDetailSchema } from "@/lib/approval-feeds";
import { respond } from "@/server/api/respond";
import { loadApprovalDetail } from "@/server/approvals/load-approval-detail";
import { sessionRoute } from "@/server/auth/session-route";

const ParamsSchema = z.object({ approvalId: z.string().min(1).max(100) });

/** One request's live data; its page polls it until the request ends. */
export const GET = sessionRoute({ params: ParamsSchema }, async ({ principal, params, services }) =>
  respond(ApprovalDetailSchema, await loadApprovalDetail(services, principal, params.approvalId)),
);
