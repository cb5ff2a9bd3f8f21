import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { insertAuditEvents } from "@gatehouse/core/audit/insert-audit-events";
import { syncCatalogue } from "@gatehouse/core/catalogue/sync-catalogue";
import { createGrant } from "@gatehouse/core/grants/create-grant";
import { createInvitation } from "@gatehouse/core/invitations/create-invitation";
import { createPolicy } from "@gatehouse/core/policies/create-policy";
import type { SecretBox } from "@gatehouse/core/secrets/secret-box";
import { registerServer } from "@gatehouse/core/servers/register-server";
import { saveWebhook } from "@gatehouse/core/webhooks/save-webhook";
import type { Db } from "@gatehouse/db/client";
import type { Role } from "@gatehouse/db/models";
import { auditEvent } from "@gatehouse/testing/audit-fixtures";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { createTestMember } from "@gatehouse/testing/create-test-member";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { holdCall } from "../held-calls";

export const ROLES: readonly Role[] = ["owner", "admin", "policy_manager", "viewer"];

export type Account = Awaited<ReturnType<typeof createTestAccount>>;
export type FixtureDeps = { db: Db; secretBox: SecretBox };

/** Org A's resources, each named so that a leak of any of them into org B's answers can be spotted. */
export type AccessFixtures = {
  orgId: string;
  owner: Account;
  members: Record<Role, Account>;
  serverId: string;
  toolId: string;
  policyId: string;
  grantId: string;
  approvalId: string;
  apiKeyId: string;
  apiKey: string;
  /** A pending invitation's token: the link /invite/<token> opens. */
  invitationToken: string;
  /** A viewer the members actions act on (roles change, ownership moves to them and back). */
  subject: Account;
  /** Names and secrets of org A that must never reach org B (or, for secrets, anyone). */
  names: string[];
  /** The server's stored header value: write-only, so no response to anyone ever contains it. */
  credentialValue: string;
  webhookToken: string;
  outsider: Account;
  outsiderApiKey: string;
  /** The owner of a third organisation, whose invitations members of A and B may accept. */
  inviter: Account;
};

/** The header the fixture server is registered with, and which the credentials action sets. */
export const CREDENTIAL_HEADER = "X-Access-Key";

const noNotify = async () => {};

/**
 * Org A with one of everything (a server with a credential header, catalogued from a real MCP
 * upstream, a tool awaiting approval of its changed definition, a policy, a grant, a held call,
 * an API key, a webhook, an invitation and an audit event), a member of A in each role and one
 * to act on, the owner of another organisation, B, and the owner of a third that invites people.
 */
export async function createAccessFixtures(deps: FixtureDeps, upstreamUrl: string): Promise<AccessFixtures> {
  const suffix = uniqueSuffix();
  const owner = await createTestAccount(deps.db, "access-a");
  const scope = { ...deps, orgId: owner.orgId, actor: owner.actor };
  const serverName = `access server ${suffix}`;
  const credentialValue = `credential-${suffix}`;
  const { serverId } = await registerServer({
    ...scope,
    allowStdio: false,
    allowPrivateNetworks: true,
    input: {
      name: serverName,
      transport: "streamable_http",
      url: upstreamUrl,
      headers: { [CREDENTIAL_HEADER]: credentialValue },
    },
  });
  await syncCatalogue({
    ...scope,
    notify: noNotify,
    serverId,
    allowStdio: false,
    allowPrivateNetworks: true,
    timeoutMs: 10_000,
  });
  const tool = await deps.db.tool.findFirstOrThrow({ where: { serverId, name: "echo" } });
  const grantName = `access grant ${suffix}`;
  const policyName = `access policy ${suffix}`;
  const document = JSON.stringify({
    version: "1",
    default: "allow",
    tools: { echo: { action: "require_approval" } },
  });
  const { policyId } = await createPolicy({ ...scope, input: { name: policyName, serverId, document } });
  const { grantId } = await createGrant({ ...scope, input: { serverId, name: grantName, policyId } });
  const holding = { orgId: owner.orgId, grantId, serverId, policyId, grantName };
  const [approval, key, members, outsider, subject, invitation, inviter] = await Promise.all([
    holdCall(deps, holding, { args: { message: `argument ${suffix}` } }),
    createApiKey({ db: deps.db, orgId: owner.orgId, actor: owner.actor, name: `access key ${suffix}` }),
    createMembers(deps.db, owner),
    createTestAccount(deps.db, "access-b"),
    createTestMember(deps.db, { orgId: owner.orgId, inviter: owner.actor, role: "viewer", label: "subject" }),
    createInvitation({ db: deps.db, orgId: owner.orgId, actor: owner.actor, input: { role: "viewer" } }),
    createTestAccount(deps.db, "access-c"),
  ]);
  const webhookToken = `hook-token-${suffix}`;
  await Promise.all([
    markToolChanged(deps.db, tool.id),
    saveWebhook({ ...scope, url: `http://127.0.0.1:9/hooks/${webhookToken}`, allowPrivateNetworks: true }),
    insertAuditEvents({ db: deps.db, events: [auditEvent(owner.orgId, { grantId, serverId, policyId })] }),
  ]);
  const outsiderKey = await createApiKey({
    db: deps.db,
    orgId: outsider.orgId,
    actor: outsider.actor,
    name: "b",
  });
  return {
    orgId: owner.orgId,
    owner,
    members,
    serverId,
    toolId: tool.id,
    policyId,
    grantId,
    approvalId: approval.id,
    apiKeyId: key.apiKeyId,
    apiKey: key.key,
    invitationToken: invitation.token,
    subject,
    names: [
      serverName,
      grantName,
      policyName,
      `access key ${suffix}`,
      `argument ${suffix}`,
      webhookToken,
      subject.email,
    ],
    credentialValue,
    webhookToken,
    outsider,
    outsiderApiKey: outsiderKey.key,
    inviter,
  };
}

/** Makes the tool's definition differ from the approved one, as a server changing it would. */
export async function markToolChanged(db: Db, toolId: string): Promise<void> {
  await db.tool.update({ where: { id: toolId }, data: { approvedHash: `before-${uniqueSuffix()}` } });
}

// Each member signs up (getting an organisation of their own) and is then moved into org A
// with the role under test: their only membership, so org A is the one they act in.
async function createMembers(db: Db, owner: Account): Promise<Record<Role, Account>> {
  const entries = await Promise.all(
    ROLES.map(async (role): Promise<[Role, Account]> => {
      if (role === "owner") return [role, owner];
      const account = await createTestAccount(db, `access-${role.replace("_", "-")}`);
      await db.membership.updateMany({
        where: { userId: account.userId },
        data: { orgId: owner.orgId, role },
      });
      return [role, { ...account, orgId: owner.orgId }];
    }),
  );
  return Object.fromEntries(entries) as Record<Role, Account>;
}
