import { getServer } from "@gatehouse/core/servers/get-server";
import { apiRoute } from "@/server/api/api-route";
import { respond } from "@/server/api/respond";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import { ServerResponseSchema } from "@/server/api/schemas/server-schemas";

/** One server of the organisation; another organisation's id is 404. */
export const GET = apiRoute({ params: IdParamsSchema }, async ({ principal, params, services }) => {
  const server = await getServer({ db: services.db, orgId: principal.orgId, serverId: params.id });
  return respond(ServerResponseSchema, { server });
});
