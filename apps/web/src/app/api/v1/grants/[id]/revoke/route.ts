import { getGrant } from "@gatehouse/core/grants/get-grant";
import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import { apiActor } from "@/server/api/api-actor";
import { apiRoute } from "@/server/api/api-route";
import { respond } from "@/server/api/respond";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import { GrantWriteResponseSchema } from "@/server/api/schemas/grant-schemas";

/** Revokes the grant: its token stops working on the next call. Revoking twice is harmless. */
export const POST = apiRoute(
  { permission: "manage_grants", params: IdParamsSchema },
  async ({ principal, params, services }) => {
    const scope = { db: services.db, orgId: principal.orgId, grantId: params.id };
    const { isPropagated } = await revokeGrant({
      ...scope,
      notify: services.notifyGrantChange,
      actor: apiActor(principal),
    });
    return respond(GrantWriteResponseSchema, { grant: await getGrant(scope), isPropagated });
  },
);
