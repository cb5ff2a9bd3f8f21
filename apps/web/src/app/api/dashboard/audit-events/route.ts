import { AuditConditionsSchema } from "@gatehouse/core/audit/audit-filter";
import { tailAuditEvents } from "@gatehouse/core/audit/tail-audit-events";
import { z } from "zod";
import { AuditTailSchema } from "@/lib/audit-feed";
import { parseQuery } from "@/server/api/parse-request";
import { respond } from "@/server/api/respond";
import { sessionRoute } from "@/server/auth/session-route";

// Enough to catch up a burst in a few polls, small enough to keep each answer cheap.
const TAIL_LIMIT = 100;

const TailQuerySchema = AuditConditionsSchema.extend({ after: z.string().min(1).max(500).optional() });

/** The audit page's live tail: events matching its filters that are newer than `after`. */
export const GET = sessionRoute({}, async ({ request, principal, services }) => {
  const { after, ...filter } = parseQuery(TailQuerySchema, request.url);
  const tail = await tailAuditEvents({
    db: services.db,
    orgId: principal.orgId,
    filter,
    after,
    limit: TAIL_LIMIT,
  });
  return respond(AuditTailSchema, tail);
});
