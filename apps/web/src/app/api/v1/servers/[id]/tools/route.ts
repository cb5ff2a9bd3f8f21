import { listTools } from "@gatehouse/core/catalogue/list-tools";
import { getServer } from "@gatehouse/core/servers/get-server";
import { apiRoute } from "@/server/api/api-route";
import { respond } from "@/server/api/respond";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import { ToolListResponseSchema } from "@/server/api/schemas/server-schemas";

/** The server's catalogued tools, removed ones last. */
export const GET = apiRoute({ params: IdParamsSchema }, async ({ principal, params, services }) => {
  const scope = { db: services.db, orgId: principal.orgId, serverId: params.id };
  // listTools alone would answer another organisation's id with an empty list; it is a 404.
  await getServer(scope);
  return respond(ToolListResponseSchema, { tools: await listTools(scope) });
});
