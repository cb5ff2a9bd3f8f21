import { listAdminEvents } from "@gatehouse/core/admin-trail/list-admin-events";
import { apiRoute } from "@/server/api/api-route";
import { parseQuery } from "@/server/api/parse-request";
import { respond } from "@/server/api/respond";
import {
  AdminEventPageResponseSchema,
  AdminEventQuerySchema,
  toAdminEvent,
} from "@/server/api/schemas/admin-event-schemas";

/** A page of the admin trail, newest first; pass nextCursor as `before` for the next page. */
export const GET = apiRoute({}, async ({ request, principal, services }) => {
  const filter = parseQuery(AdminEventQuerySchema, request.url);
  const page = await listAdminEvents({ db: services.db, orgId: principal.orgId, filter });
  return respond(AdminEventPageResponseSchema, { ...page, events: page.events.map(toAdminEvent) });
});
