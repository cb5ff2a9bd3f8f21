import { getPolicy } from "@gatehouse/core/policies/get-policy";
import { savePolicy } from "@gatehouse/core/policies/save-policy";
import { apiActor } from "@/server/api/api-actor";
import { apiRoute } from "@/server/api/api-route";
import { parseBody } from "@/server/api/parse-request";
import { readJsonBody } from "@/server/api/read-json-body";
import { respond } from "@/server/api/respond";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import {
  PolicyResponseSchema,
  PolicyWriteResponseSchema,
  SavePolicyBodySchema,
  toPolicyText,
} from "@/server/api/schemas/policy-schemas";

/** One policy with its current document and version. */
export const GET = apiRoute({ params: IdParamsSchema }, async ({ principal, params, services }) => {
  const policy = await getPolicy({ db: services.db, orgId: principal.orgId, policyId: params.id });
  return respond(PolicyResponseSchema, { policy });
});

/** Saves a new version; with expectedVersion, a concurrent save is a 409 instead of being overwritten. */
export const PUT = apiRoute(
  { permission: "manage_policies", params: IdParamsSchema },
  async ({ request, principal, params, services }) => {
    const body = parseBody(SavePolicyBodySchema, await readJsonBody(request));
    const { db, notifyGrantChange } = services;
    const { isPropagated } = await savePolicy({
      db,
      notify: notifyGrantChange,
      orgId: principal.orgId,
      actor: apiActor(principal),
      policyId: params.id,
      document: toPolicyText(body.document),
      comment: body.comment,
      expectedVersion: body.expectedVersion,
    });
    const policy = await getPolicy({ db, orgId: principal.orgId, policyId: params.id });
    return respond(PolicyWriteResponseSchema, { policy, isPropagated });
  },
);
