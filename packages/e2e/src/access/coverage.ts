import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { ACTION_COVERAGE } from "./coverage-actions";
import {
  apiRoute,
  type CoverageEntry,
  fixed,
  grant,
  memberPage,
  page,
  policy,
  publicRoute,
  scoped,
  server,
  sessionRoute,
  tool,
} from "./coverage-builders";
import {
  DOCUMENT,
  freshApproval,
  freshGrant,
  freshPolicy,
  grantTokenState,
  nextExpiry,
} from "./fresh-resources";

/*
 * Every page, route handler method and server action of the dashboard, and how the access test
 * exercises it with org A's fixtures. Keys are what enumerate-entry-points.ts lists: a new
 * page, route or action fails the test until it has an entry here (a few lines, with the
 * builders), and an entry whose entry point is gone fails it too.
 */

export const COVERAGE: Record<string, CoverageEntry> = {
  "page /": page("public", fixed("/")),
  "page /sign-in": page("signed-out only", fixed("/sign-in")),
  "page /sign-up": page("signed-out only", fixed("/sign-up")),
  "page /docs/api": page("public", fixed("/docs/api")),
  "page /invite/[token]": page("public", ({ fx }) => `/invite/${fx.invitationToken}`),
  "page /orgs/new": memberPage(fixed("/orgs/new")),
  "page /approvals": memberPage(fixed("/approvals")),
  "page /approvals/[approvalId]": memberPage(({ fx }) => `/approvals/${fx.approvalId}`, scoped),
  "page /audit": memberPage(fixed("/audit")),
  "page /audit/admin": memberPage(fixed("/audit/admin")),
  "page /audit/overview": memberPage(fixed("/audit/overview")),
  "page /grants": memberPage(fixed("/grants")),
  "page /grants/[grantId]": memberPage(grant, scoped),
  "page /grants/new": page("issue_grant_tokens", fixed("/grants/new")),
  "page /policies": memberPage(fixed("/policies")),
  "page /policies/[policyId]": memberPage(policy, scoped),
  "page /policies/[policyId]/versions": memberPage((context) => `${policy(context)}/versions`, scoped),
  "page /policies/new": page("manage_policies", fixed("/policies/new")),
  "page /servers": memberPage(fixed("/servers")),
  "page /servers/[serverId]": memberPage(server, scoped),
  "page /servers/[serverId]/tools/[toolId]": memberPage(tool, scoped),
  "page /servers/new": page("manage_servers", fixed("/servers/new")),
  "page /servers/templates/[templateId]": memberPage(fixed("/servers/templates/mlflow")),
  "page /settings/api-keys": page("manage_api_keys", fixed("/settings/api-keys")),
  "page /settings/audit": memberPage(fixed("/settings/audit")),
  "page /settings/members": memberPage(fixed("/settings/members")),
  "page /settings/webhooks": memberPage(fixed("/settings/webhooks")),

  "GET /api/auth/[...nextauth]": publicRoute("GET", "/api/auth/session"),
  "POST /api/auth/[...nextauth]": publicRoute("POST", "/api/auth/signout"),
  "GET /icon.svg": publicRoute("GET", "/icon.svg"),
  "GET /schemas/policy-v1.json": publicRoute("GET", "/schemas/policy-v1.json"),
  "GET /api/v1/openapi.json": publicRoute("GET", "/api/v1/openapi.json"),
  "GET /api/health": publicRoute("GET", "/api/health"),
  "GET /api/dashboard/approvals": sessionRoute("GET", fixed("/api/dashboard/approvals")),
  "GET /api/dashboard/approvals/[approvalId]": sessionRoute(
    "GET",
    ({ fx }) => `/api/dashboard/approvals/${fx.approvalId}`,
    scoped,
  ),
  "GET /api/dashboard/approvals/count": sessionRoute("GET", fixed("/api/dashboard/approvals/count")),
  "GET /api/dashboard/audit-events": sessionRoute("GET", fixed("/api/dashboard/audit-events")),
  // Every member is sent back to a page; only owners and admins complete an authorization there.
  "GET /api/dashboard/oauth/callback": sessionRoute("GET", fixed("/api/dashboard/oauth/callback"), {
    allowedStatus: 303,
  }),
  "GET /api/dashboard/audit-events/export": sessionRoute(
    "GET",
    fixed("/api/dashboard/audit-events/export?format=csv"),
  ),

  ...Object.fromEntries(
    ["GET", "POST", "PUT", "PATCH", "DELETE"].map((method) => [
      `${method} /api/v1/[...path]`,
      apiRoute(method, fixed("/api/v1/no-such-endpoint"), { allowedStatus: 404 }),
    ]),
  ),
  "GET /api/v1/admin-events": apiRoute("GET", fixed("/api/v1/admin-events")),
  "GET /api/v1/audit-events": apiRoute("GET", fixed("/api/v1/audit-events")),
  "GET /api/v1/approvals": apiRoute("GET", fixed("/api/v1/approvals")),
  "GET /api/v1/approvals/[id]": apiRoute("GET", ({ fx }) => `/api/v1/approvals/${fx.approvalId}`, scoped),
  "POST /api/v1/approvals/[id]/decision": apiRoute(
    "POST",
    ({ fresh }) => `/api/v1/approvals/${fresh.approvalId}/decision`,
    {
      permission: "decide_approvals",
      body: () => ({ decision: "deny" }),
      prepare: freshApproval,
      ...scoped,
    },
  ),
  "GET /api/v1/grants": apiRoute("GET", fixed("/api/v1/grants")),
  "POST /api/v1/grants": apiRoute("POST", fixed("/api/v1/grants"), {
    permission: "issue_grant_tokens",
    body: ({ fx }) => ({ name: `api ${uniqueSuffix()}`, serverId: fx.serverId, policyId: fx.policyId }),
    ...scoped,
  }),
  "GET /api/v1/grants/[id]": apiRoute("GET", ({ fx }) => `/api/v1/grants/${fx.grantId}`, scoped),
  "PUT /api/v1/grants/[id]/policy": apiRoute("PUT", ({ fx }) => `/api/v1/grants/${fx.grantId}/policy`, {
    permission: "manage_grants",
    body: ({ fresh }) => ({ policyId: fresh.policyId }),
    prepare: freshPolicy,
    ...scoped,
  }),
  "POST /api/v1/grants/[id]/revoke": apiRoute(
    "POST",
    ({ fresh }) => `/api/v1/grants/${fresh.grantId}/revoke`,
    {
      permission: "manage_grants",
      prepare: freshGrant,
      ...scoped,
    },
  ),
  "POST /api/v1/grants/[id]/rotate": apiRoute(
    "POST",
    ({ fresh }) => `/api/v1/grants/${fresh.grantId}/rotate`,
    {
      permission: "issue_grant_tokens",
      body: () => ({ gracePeriodSeconds: 0 }),
      prepare: freshGrant,
      state: grantTokenState,
      ...scoped,
    },
  ),
  "PUT /api/v1/grants/[id]/expiry": apiRoute("PUT", ({ fx }) => `/api/v1/grants/${fx.grantId}/expiry`, {
    permission: "manage_grants",
    body: () => ({ expiresAt: nextExpiry().toISOString() }),
    state: grantTokenState,
    ...scoped,
  }),
  "GET /api/v1/policies": apiRoute("GET", fixed("/api/v1/policies")),
  "POST /api/v1/policies": apiRoute("POST", fixed("/api/v1/policies"), {
    permission: "manage_policies",
    body: ({ fx }) => ({
      name: `api ${uniqueSuffix()}`,
      serverId: fx.serverId,
      document: JSON.parse(DOCUMENT),
    }),
    ...scoped,
  }),
  "POST /api/v1/policies/validate": apiRoute("POST", fixed("/api/v1/policies/validate"), {
    body: () => ({ document: JSON.parse(DOCUMENT) }),
  }),
  "GET /api/v1/policies/[id]": apiRoute("GET", ({ fx }) => `/api/v1/policies/${fx.policyId}`, scoped),
  "PUT /api/v1/policies/[id]": apiRoute("PUT", ({ fx }) => `/api/v1/policies/${fx.policyId}`, {
    permission: "manage_policies",
    body: () => ({ document: JSON.parse(DOCUMENT) }),
    ...scoped,
  }),
  "GET /api/v1/policies/[id]/versions": apiRoute(
    "GET",
    ({ fx }) => `/api/v1/policies/${fx.policyId}/versions`,
    scoped,
  ),
  "POST /api/v1/policies/[id]/rollback": apiRoute(
    "POST",
    ({ fx }) => `/api/v1/policies/${fx.policyId}/rollback`,
    {
      permission: "manage_policies",
      body: () => ({ toVersion: 1 }),
      ...scoped,
    },
  ),
  "GET /api/v1/servers": apiRoute("GET", fixed("/api/v1/servers")),
  "POST /api/v1/servers": apiRoute("POST", fixed("/api/v1/servers"), {
    permission: "manage_servers",
    body: ({ upstreamUrl }) => ({
      name: `api ${uniqueSuffix()}`,
      transport: "streamable_http",
      url: upstreamUrl,
    }),
  }),
  "GET /api/v1/servers/[id]": apiRoute("GET", ({ fx }) => `/api/v1/servers/${fx.serverId}`, scoped),
  "GET /api/v1/servers/[id]/tools": apiRoute(
    "GET",
    ({ fx }) => `/api/v1/servers/${fx.serverId}/tools`,
    scoped,
  ),
  "POST /api/v1/servers/[id]/discover": apiRoute(
    "POST",
    ({ fx }) => `/api/v1/servers/${fx.serverId}/discover`,
    {
      permission: "manage_servers",
      ...scoped,
    },
  ),

  ...ACTION_COVERAGE,
};
