import { getGrant } from "@gatehouse/core/grants/get-grant";
import { apiRoute } from "@/server/api/api-route";
import { respond } from "@/server/api/respond";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import { GrantResponseSchema } from "@/server/api/schemas/grant-schemas";

/** One grant with its policy; its token is never shown again. */
export const GET = apiRoute({ params: IdParamsSchema }, async ({ principal, params, services }) => {
  const grant = await getGrant({ db: services.db, orgId: principal.orgId, grantId: params.id });
  return respond(GrantResponseSchema, { grant });
});
