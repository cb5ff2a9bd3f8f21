import { ApprovalInboxSchema } from "@/lib/approval-feeds";
import { respond } from "@/server/api/respond";
import { loadApprovalInbox } from "@/server/approvals/load-approval-inbox";
import { sessionRoute } from "@/server/auth/session-route";

/** The inbox's live data for the signed-in user's organisation; the inbox polls it. */
export const GET = sessionRoute({}, async ({ principal, services }) =>
  respond(ApprovalInboxSchema, await loadApprovalInbox(services, principal)),
);
