import { getGrant } from "@gatehouse/core/grants/get-grant";
import { setGrantExpiry } from "@gatehouse/core/grants/set-grant-expiry";
import { apiActor } from "@/server/api/api-actor";
import { apiRoute } from "@/server/api/api-route";
import { parseBody } from "@/server/api/parse-request";
import { readJsonBody } from "@/server/api/read-json-body";
import { respond } from "@/server/api/respond";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import { GrantWriteResponseSchema, SetGrantExpiryBodySchema } from "@/server/api/schemas/grant-schemas";

/** Sets when an active grant stops working, or clears it (null); applies on the agent's next call. */
export const PUT = apiRoute(
  { permission: "manage_grants", params: IdParamsSchema },
  async ({ request, principal, params, services }) => {
    const { expiresAt } = parseBody(SetGrantExpiryBodySchema, await readJsonBody(request));
    const scope = { db: services.db, orgId: principal.orgId, grantId: params.id };
    const { isPropagated } = await setGrantExpiry({
      ...scope,
      notify: services.notifyGrantChange,
      actor: apiActor(principal),
      expiresAt,
    });
    return respond(GrantWriteResponseSchema, { grant: await getGrant(scope), isPropagated });
  },
);
