import { createGrant } from "@gatehouse/core/grants/create-grant";
import { getGrant } from "@gatehouse/core/grants/get-grant";
import { buildProxyUrl } from "@gatehouse/core/grants/grant-token";
import { listGrants } from "@gatehouse/core/grants/list-grants";
import { apiActor } from "@/server/api/api-actor";
import { apiRoute } from "@/server/api/api-route";
import { parseBody, parseQuery } from "@/server/api/parse-request";
import { readJsonBody } from "@/server/api/read-json-body";
import { respond } from "@/server/api/respond";
import {
  CreateGrantBodySchema,
  GrantListQuerySchema,
  GrantListResponseSchema,
  IssuedGrantResponseSchema,
} from "@/server/api/schemas/grant-schemas";
import { toPolicyText } from "@/server/api/schemas/policy-schemas";

/** Lists the organisation's grants, active first. Tokens are never listed. */
export const GET = apiRoute({}, async ({ request, principal, services }) => {
  const { serverId } = parseQuery(GrantListQuerySchema, request.url);
  const grants = await listGrants({ db: services.db, orgId: principal.orgId, serverId });
  return respond(GrantListResponseSchema, { grants });
});

/** Creates a grant; its token and proxy URL are in this response only. */
export const POST = apiRoute(
  { permission: "issue_grant_tokens" },
  async ({ request, principal, services }) => {
    const { policy, ...body } = parseBody(CreateGrantBodySchema, await readJsonBody(request));
    const { db, env } = services;
    const { grantId, token } = await createGrant({
      db,
      orgId: principal.orgId,
      actor: apiActor(principal),
      input: { ...body, ...(policy === undefined ? {} : { policy: toPolicyText(policy) }) },
    });
    const grant = await getGrant({ db, orgId: principal.orgId, grantId });
    const proxyUrl = buildProxyUrl(env.GATEHOUSE_PROXY_PUBLIC_URL, token);
    return respond(IssuedGrantResponseSchema, { grant, token, proxyUrl }, 201);
  },
);
