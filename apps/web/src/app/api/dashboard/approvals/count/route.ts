import { countPendingApprovals } from "@gatehouse/core/approvals/list-approval-requests";
import { PendingCountSchema } from "@/lib/approval-feeds";
import { respond } from "@/server/api/respond";
import { sessionRoute } from "@/server/auth/session-route";

/** How many requests await a decision in the user's organisation; the navigation's badge polls it. */
export const GET = sessionRoute({}, async ({ principal, services }) =>
  respond(PendingCountSchema, { pendingCount: await countPendingApprovals(services.db, principal.orgId) }),
);
