import { listPolicyVersions } from "@gatehouse/core/policies/list-policy-versions";
import { apiRoute } from "@/server/api/api-route";
import { respond } from "@/server/api/respond";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import { PolicyVersionListResponseSchema } from "@/server/api/schemas/policy-schemas";

/** The policy's saved versions, newest first, each with its document. */
export const GET = apiRoute({ params: IdParamsSchema }, async ({ principal, params, services }) => {
  const versions = await listPolicyVersions({ db: services.db, orgId: principal.orgId, policyId: params.id });
  return respond(PolicyVersionListResponseSchema, { versions });
});
