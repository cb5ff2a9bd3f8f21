import { getGrant } from "@gatehouse/core/grants/get-grant";
import { setGrantPolicy } from "@gatehouse/core/grants/set-grant-policy";
import { apiActor } from "@/server/api/api-actor";
import { apiRoute } from "@/server/api/api-route";
import { parseBody } from "@/server/api/parse-request";
import { readJsonBody } from "@/server/api/read-json-body";
import { respond } from "@/server/api/respond";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import { GrantWriteResponseSchema, SetGrantPolicyBodySchema } from "@/server/api/schemas/grant-schemas";

/** Moves an active grant to another policy of its server; applies on the agent's next call. */
export const PUT = apiRoute(
  { permission: "manage_grants", params: IdParamsSchema },
  async ({ request, principal, params, services }) => {
    const { policyId } = parseBody(SetGrantPolicyBodySchema, await readJsonBody(request));
    const scope = { db: services.db, orgId: principal.orgId, grantId: params.id };
    const { isPropagated } = await setGrantPolicy({
      ...scope,
      notify: services.notifyGrantChange,
      actor: apiActor(principal),
      policyId,
    });
    return respond(GrantWriteResponseSchema, { grant: await getGrant(scope), isPropagated });
  },
);
