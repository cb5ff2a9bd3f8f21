import { getPolicy } from "@gatehouse/core/policies/get-policy";
import { rollbackPolicy } from "@gatehouse/core/policies/rollback-policy";
import { apiActor } from "@/server/api/api-actor";
import { apiRoute } from "@/server/api/api-route";
import { parseBody } from "@/server/api/parse-request";
import { readJsonBody } from "@/server/api/read-json-body";
import { respond } from "@/server/api/respond";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import { PolicyWriteResponseSchema, RollbackPolicyBodySchema } from "@/server/api/schemas/policy-schemas";

/** Saves an earlier version's document as the newest version. */
export const POST = apiRoute(
  { permission: "manage_policies", params: IdParamsSchema },
  async ({ request, principal, params, services }) => {
    const { toVersion } = parseBody(RollbackPolicyBodySchema, await readJsonBody(request));
    const { db, notifyGrantChange } = services;
    const { isPropagated } = await rollbackPolicy({
      db,
      notify: notifyGrantChange,
      orgId: principal.orgId,
      actor: apiActor(principal),
      policyId: params.id,
      toVersion,
    });
    const policy = await getPolicy({ db, orgId: principal.orgId, policyId: params.id });
    return respond(PolicyWriteResponseSchema, { policy, isPropagated });
  },
);
