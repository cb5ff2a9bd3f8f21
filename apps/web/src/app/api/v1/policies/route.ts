import { createPolicy } from "@gatehouse/core/policies/create-policy";
import { getPolicy } from "@gatehouse/core/policies/get-policy";
import { listPolicies } from "@gatehouse/core/policies/list-policies";
import { apiActor } from "@/server/api/api-actor";
import { apiRoute } from "@/server/api/api-route";
import { parseBody, parseQuery } from "@/server/api/parse-request";
import { readJsonBody } from "@/server/api/read-json-body";
import { respond } from "@/server/api/respond";
import {
  CreatePolicyBodySchema,
  PolicyListQuerySchema,
  PolicyListResponseSchema,
  PolicyResponseSchema,
  toPolicySummary,
  toPolicyText,
} from "@/server/api/schemas/policy-schemas";

/** Lists the organisation's policies, optionally of one server. */
export const GET = apiRoute({}, async ({ request, principal, services }) => {
  const { serverId } = parseQuery(PolicyListQuerySchema, request.url);
  const policies = await listPolicies({ db: services.db, orgId: principal.orgId, serverId });
  return respond(PolicyListResponseSchema, { policies: policies.map(toPolicySummary) });
});

/** Creates a policy of one server with its document as version 1. */
export const POST = apiRoute({ permission: "manage_policies" }, async ({ request, principal, services }) => {
  const body = parseBody(CreatePolicyBodySchema, await readJsonBody(request));
  const { policyId } = await createPolicy({
    db: services.db,
    orgId: principal.orgId,
    actor: apiActor(principal),
    input: { ...body, document: toPolicyText(body.document) },
  });
  const policy = await getPolicy({ db: services.db, orgId: principal.orgId, policyId });
  return respond(PolicyResponseSchema, { policy }, 201);
});
