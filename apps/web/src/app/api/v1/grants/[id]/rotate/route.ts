import { getGrant } from "@gatehouse/core/grants/get-grant";
import { buildProxyUrl } from "@gatehouse/core/grants/grant-token";
import { rotateGrantToken } from "@gatehouse/core/grants/rotate-grant-token";
import { apiActor } from "@/server/api/api-actor";
import { apiRoute } from "@/server/api/api-route";
import { parseBody } from "@/server/api/parse-request";
import { readJsonBody } from "@/server/api/read-json-body";
import { respond } from "@/server/api/respond";
import { IdParamsSchema } from "@/server/api/schemas/common-schemas";
import { RotatedGrantResponseSchema, RotateGrantTokenBodySchema } from "@/server/api/schemas/grant-schemas";

/** Issues the grant a new token, in this response only; the old one works for the grace period. */
export const POST = apiRoute(
  { permission: "issue_grant_tokens", params: IdParamsSchema },
  async ({ request, principal, params, services }) => {
    const { gracePeriodSeconds } = parseBody(RotateGrantTokenBodySchema, await readJsonBody(request));
    const scope = { db: services.db, orgId: principal.orgId, grantId: params.id };
    const { token, isPropagated } = await rotateGrantToken({
      ...scope,
      notify: services.notifyGrantChange,
      actor: apiActor(principal),
      gracePeriodSeconds,
    });
    const proxyUrl = buildProxyUrl(services.env.GATEHOUSE_PROXY_PUBLIC_URL, token);
    return respond(RotatedGrantResponseSchema, {
      grant: await getGrant(scope),
      token,
      proxyUrl,
      isPropagated,
    });
  },
);
