import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { CREDENTIAL_HEADER } from "./access-fixtures";
import { action, type CoverageEntry, fixed, grant, policy, scoped, server, tool } from "./coverage-builders";
import { MEMBER_ACTION_COVERAGE } from "./coverage-member-actions";
import { freshOAuthServer } from "./fresh-oauth-server";
import {
  changedTool,
  DOCUMENT,
  freshApiKey,
  freshApproval,
  freshGrant,
  freshPolicy,
  grantTokenState,
  nextExpiry,
  serverCredentials,
  webhook,
} from "./fresh-resources";

let retentionDays = 30;

/** The dashboard's server actions, each posted to the page whose form uses it (see coverage.ts). */
export const ACTION_COVERAGE: Record<string, CoverageEntry> = {
  "action sign-up/actions.ts#signUpAction": action("public", fixed("/sign-up"), () => ({
    name: "Access test",
    email: `access-${uniqueSuffix()}@example.test`,
    password: "long-enough-password",
    organizationName: "Access test org",
  })),
  "action approvals/actions.ts#decideApprovalAction": action(
    "decide_approvals",
    fixed("/approvals"),
    ({ fresh }) => ({ approvalId: fresh.approvalId ?? "", decision: "deny" }),
    { prepare: freshApproval, ...scoped },
  ),
  "action grants/[grantId]/actions.ts#changeGrantPolicyAction": action(
    "manage_grants",
    grant,
    ({ fx, fresh }) => ({ grantId: fx.grantId, policyId: fresh.policyId ?? "" }),
    { prepare: freshPolicy, ...scoped },
  ),
  "action grants/[grantId]/actions.ts#revokeGrantAction": action(
    "manage_grants",
    grant,
    ({ fresh }) => ({ grantId: fresh.grantId ?? "" }),
    { prepare: freshGrant, ...scoped },
  ),
  "action grants/[grantId]/actions.ts#rotateGrantTokenAction": action(
    "issue_grant_tokens",
    grant,
    ({ fresh }) => ({ grantId: fresh.grantId ?? "", gracePeriodSeconds: "0" }),
    { prepare: freshGrant, state: grantTokenState, ...scoped },
  ),
  "action grants/[grantId]/actions.ts#setGrantExpiryAction": action(
    "manage_grants",
    grant,
    // The form's datetime-local value, which the action reads as UTC.
    ({ fx }) => ({ grantId: fx.grantId, intent: "save", expiresAt: nextExpiry().toISOString().slice(0, 16) }),
    { state: grantTokenState, ...scoped },
  ),
  "action grants/new/actions.ts#createGrantAction": action(
    "issue_grant_tokens",
    fixed("/grants/new"),
    ({ fx }) => ({
      name: `new ${uniqueSuffix()}`,
      serverId: fx.serverId,
      policySource: "existing",
      policyId: fx.policyId,
    }),
    scoped,
  ),
  "action policies/[policyId]/actions.ts#savePolicyAction": action(
    "manage_policies",
    policy,
    ({ fx }) => ({ policyId: fx.policyId, document: DOCUMENT }),
    scoped,
  ),
  "action policies/[policyId]/actions.ts#applyRecommendedPolicyAction": action(
    "manage_policies",
    policy,
    ({ fx }) => ({ policyId: fx.policyId }),
    scoped,
  ),
  "action policies/[policyId]/actions.ts#tryPolicyAction": action(
    "any member",
    policy,
    ({ fx }) => ({ policyId: fx.policyId, draft: DOCUMENT, tool: "echo", args: "{}" }),
    scoped,
  ),
  "action policies/[policyId]/actions.ts#replayPolicyAction": action(
    "any member",
    policy,
    ({ fx }) => ({ policyId: fx.policyId, draft: DOCUMENT }),
    scoped,
  ),
  "action policies/[policyId]/versions/actions.ts#rollbackPolicyAction": action(
    "manage_policies",
    (context) => `${policy(context)}/versions`,
    ({ fx }) => ({ policyId: fx.policyId, toVersion: "1" }),
    scoped,
  ),
  "action policies/new/actions.ts#createPolicyAction": action(
    "manage_policies",
    fixed("/policies/new"),
    ({ fx }) => ({ name: `new ${uniqueSuffix()}`, serverId: fx.serverId, document: DOCUMENT }),
    scoped,
  ),
  "action servers/[serverId]/actions.ts#discoverToolsAction": action(
    "manage_servers",
    server,
    ({ fx }) => ({ serverId: fx.serverId }),
    scoped,
  ),
  // Saving the fixture's own value again: a real write (new ciphertext, an admin event), and
  // the one value every response is checked never to contain stays the same.
  "action servers/[serverId]/credential-actions.ts#updateCredentialsAction": action(
    "manage_servers",
    server,
    ({ fx }) => ({
      serverId: fx.serverId,
      intent: "set",
      name: CREDENTIAL_HEADER,
      value: fx.credentialValue,
    }),
    { state: serverCredentials, ...scoped },
  ),
  "action servers/[serverId]/oauth-actions.ts#connectOAuthAction": action(
    "manage_servers",
    ({ fresh }) => `/servers/${fresh.serverId}`,
    ({ fresh }) => ({ serverId: fresh.serverId ?? "" }),
    // Connect only sends the browser away; the callback's completion is the recorded change.
    { prepare: freshOAuthServer, isWrite: false, ...scoped },
  ),
  "action servers/[serverId]/oauth-actions.ts#disconnectOAuthAction": action(
    "manage_servers",
    ({ fresh }) => `/servers/${fresh.serverId}`,
    ({ fresh }) => ({ serverId: fresh.serverId ?? "" }),
    { prepare: freshOAuthServer, ...scoped },
  ),
  "action servers/[serverId]/tools/[toolId]/actions.ts#approveToolChangeAction": action(
    "approve_tool_changes",
    tool,
    ({ fx }) => ({ serverId: fx.serverId, toolId: fx.toolId }),
    { prepare: changedTool, ...scoped },
  ),
  "action servers/new/actions.ts#registerServerAction": action(
    "manage_servers",
    fixed("/servers/new"),
    ({ upstreamUrl }) => ({ name: `new ${uniqueSuffix()}`, transport: "streamable_http", url: upstreamUrl }),
  ),
  "action settings/api-keys/actions.ts#createApiKeyAction": action(
    "manage_api_keys",
    fixed("/settings/api-keys"),
    () => ({ name: `new ${uniqueSuffix()}` }),
  ),
  "action settings/api-keys/actions.ts#revokeApiKeyAction": action(
    "manage_api_keys",
    fixed("/settings/api-keys"),
    ({ fresh }) => ({ apiKeyId: fresh.apiKeyId ?? "" }),
    { prepare: freshApiKey, ...scoped },
  ),
  "action settings/audit/actions.ts#setAuditRetentionAction": action(
    "manage_audit_settings",
    fixed("/settings/audit"),
    // A new value each time, so every allowed call really changes something.
    () => ({ days: String(++retentionDays) }),
  ),
  ...webhookActions(),
  ...MEMBER_ACTION_COVERAGE,
};

// Each webhook action acts on the organisation's one webhook, which `webhook` (re)creates.
function webhookActions(): Record<string, CoverageEntry> {
  const page = fixed("/settings/webhooks");
  const entries: [string, (context: Parameters<typeof webhook>[0]) => Record<string, string>][] = [
    ["saveWebhookAction", () => ({ url: `http://127.0.0.1:9/hooks/${uniqueSuffix()}` })],
    ["setWebhookEnabledAction", () => ({ isEnabled: "false" })],
    ["rotateWebhookSecretAction", () => ({})],
    ["sendTestWebhookAction", () => ({})],
    ["deleteWebhookAction", () => ({})],
  ];
  return Object.fromEntries(
    entries.map(([name, fields]) => [
      `action settings/webhooks/actions.ts#${name}`,
      action("manage_webhooks", page, fields, { prepare: webhook }),
    ]),
  );
}
