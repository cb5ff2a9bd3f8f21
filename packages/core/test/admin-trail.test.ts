import type { AccountableActor } from "@gatehouse/core/admin-trail/admin-actor";
import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { revokeApiKey } from "@gatehouse/core/api-keys/revoke-api-key";
import { decideApproval } from "@gatehouse/core/approvals/decide-approval";
import { openApprovalRequest } from "@gatehouse/core/approvals/open-approval-request";
import { setAuditRetention } from "@gatehouse/core/audit/set-audit-retention";
import { approveToolChange } from "@gatehouse/core/catalogue/approve-tool-change";
import { syncCatalogue } from "@gatehouse/core/catalogue/sync-catalogue";
import { createGrant } from "@gatehouse/core/grants/create-grant";
import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import { setGrantPolicy } from "@gatehouse/core/grants/set-grant-policy";
import { createPolicy } from "@gatehouse/core/policies/create-policy";
import { rollbackPolicy } from "@gatehouse/core/policies/rollback-policy";
import { savePolicy } from "@gatehouse/core/policies/save-policy";
import { registerServer } from "@gatehouse/core/servers/register-server";
import { deleteWebhook } from "@gatehouse/core/webhooks/delete-webhook";
import { rotateWebhookSecret } from "@gatehouse/core/webhooks/rotate-webhook-secret";
import { saveWebhook } from "@gatehouse/core/webhooks/save-webhook";
import { sendTestWebhook } from "@gatehouse/core/webhooks/send-test-webhook";
import { setWebhookEnabled } from "@gatehouse/core/webhooks/set-webhook-enabled";
import type { AdminEvent } from "@gatehouse/db/models";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { startTestUpstream, type TestUpstream } from "@gatehouse/testing/start-test-upstream";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  gatehouseFailure,
  recordingNotifier,
  registerTestServer,
  testSecretBox,
  useTestDb,
} from "./test-support";

const db = useTestDb();
const { notify } = recordingNotifier();
const DENY_ALL = '{ "version": "1", "default": "deny" }';
const ALLOW_ALL = '{ "version": "1", "default": "allow" }';
let account: Awaited<ReturnType<typeof createTestAccount>>;
let keyActor: AccountableActor;
let upstream: TestUpstream;

beforeAll(async () => {
  [account, upstream] = await Promise.all([createTestAccount(db, "trail"), startTestUpstream()]);
  const { apiKeyId } = await createApiKey({
    db,
    orgId: account.orgId,
    actor: account.actor,
    name: "CI deploy",
  });
  keyActor = { type: "api_key", id: apiKeyId, name: "CI deploy", createdById: account.userId };
});

afterAll(async () => {
  await upstream?.stop();
});

/** Runs an operation and returns the events it added to the organisation's trail, oldest first. */
async function recordedBy(operation: () => Promise<unknown>, orgId = account.orgId): Promise<AdminEvent[]> {
  const before = new Set(
    (await db.adminEvent.findMany({ where: { orgId }, select: { id: true } })).map((e) => e.id),
  );
  await operation();
  const after = await db.adminEvent.findMany({
    where: { orgId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });
  return after.filter((event) => !before.has(event.id));
}

/** The one event an operation recorded (failing the test if it recorded none or several). */
async function onlyEventOf(operation: () => Promise<unknown>): Promise<AdminEvent> {
  const events = await recordedBy(operation);
  expect(events.map((event) => event.action)).toHaveLength(1);
  return events[0] as AdminEvent;
}

const byUser = () => ({ actorType: "user", actorId: account.userId, actorName: account.actor.name });
const byKey = () => ({ actorType: "api_key", actorId: keyActor.id, actorName: "API key CI deploy" });

async function newPolicy(serverId: string) {
  const input = { serverId, name: `policy ${uniqueSuffix()}`, document: DENY_ALL };
  return (await createPolicy({ db, orgId: account.orgId, actor: account.actor, input })).policyId;
}

describe("the admin trail", () => {
  it("records a sign-up as the new user's act in their new organisation", async () => {
    const signUps = await db.adminEvent.findMany({
      where: { orgId: account.orgId, action: "user.signed_up" },
    });
    expect(signUps).toEqual([
      expect.objectContaining({
        ...byUser(),
        targetType: "user",
        targetId: account.userId,
        targetName: account.actor.name,
      }),
    ]);
  });

  it("records a server's registration with header and variable names, never their values", async () => {
    const name = `secretive ${uniqueSuffix()}`;
    const http = await onlyEventOf(() =>
      registerServer({
        db,
        secretBox: testSecretBox,
        orgId: account.orgId,
        actor: keyActor,
        allowStdio: false,
        allowPrivateNetworks: true,
        input: {
          name,
          transport: "streamable_http",
          url: "https://user:pw-in-url@mcp.example.com/t/path-token/mcp?key=query-token",
          headers: { Authorization: "Bearer sk-header-value" },
        },
      }),
    );
    expect(http).toMatchObject({
      ...byKey(),
      action: "server.registered",
      targetType: "server",
      targetName: name,
    });
    expect(http.details).toEqual({
      transport: "streamable_http",
      origin: "https://mcp.example.com",
      headerNames: ["Authorization"],
    });
    const stdio = await onlyEventOf(() =>
      registerServer({
        db,
        secretBox: testSecretBox,
        orgId: account.orgId,
        actor: account.actor,
        allowStdio: true,
        allowPrivateNetworks: true,
        input: {
          name: `local ${uniqueSuffix()}`,
          transport: "stdio",
          command: "uvx",
          args: ["--token", "arg-secret"],
          env: { API_KEY: "env-secret" },
        },
      }),
    );
    expect(stdio.details).toEqual({ transport: "stdio", command: "uvx", envNames: ["API_KEY"] });
    const stored = JSON.stringify([http, stdio]);
    for (const secret of [
      "sk-header-value",
      "pw-in-url",
      "path-token",
      "query-token",
      "arg-secret",
      "env-secret",
    ]) {
      expect(stored).not.toContain(secret);
    }
  });

  it("records creating, saving and rolling back a policy once each, and nothing for a refused save", async () => {
    const serverId = await registerTestServer(db, account);
    let policyId = "";
    const created = await onlyEventOf(async () => {
      policyId = await newPolicy(serverId);
    });
    expect(created).toMatchObject({ ...byUser(), action: "policy.created", targetId: policyId });
    expect(created.details).toMatchObject({ serverId, version: 1 });

    const save = { db, notify, orgId: account.orgId, actor: keyActor, policyId };
    const saved = await onlyEventOf(() => savePolicy({ ...save, document: ALLOW_ALL, comment: "open up" }));
    expect(saved).toMatchObject({
      ...byKey(),
      action: "policy.saved",
      targetId: policyId,
      targetName: created.targetName,
    });
    expect(saved.details).toEqual({ version: 2, comment: "open up" });

    const rolledBack = await onlyEventOf(() => rollbackPolicy({ ...save, toVersion: 1 }));
    expect(rolledBack).toMatchObject({ ...byKey(), action: "policy.rolled_back", targetId: policyId });
    expect(rolledBack.details).toEqual({ version: 3, comment: "Rolled back to version 1", toVersion: 1 });

    const refused = await recordedBy(() =>
      gatehouseFailure(savePolicy({ ...save, document: ALLOW_ALL, expectedVersion: 1 })),
    );
    expect(refused).toEqual([]);
  });

  it("records a grant's creation, policy change and revocation, never its token, and a repeat revocation not at all", async () => {
    const serverId = await registerTestServer(db, account);
    const [first, second] = [await newPolicy(serverId), await newPolicy(serverId)];
    let issued = { grantId: "", token: "" };
    const created = await onlyEventOf(async () => {
      const input = { serverId, name: "deploy bot", policyId: first };
      issued = await createGrant({ db, orgId: account.orgId, actor: keyActor, input });
    });
    expect(created).toMatchObject({
      ...byKey(),
      action: "grant.created",
      targetId: issued.grantId,
      targetName: "deploy bot",
    });
    expect(created.details).toMatchObject({
      serverId,
      policyId: first,
      tokenPrefix: issued.token.slice(0, 10),
    });
    expect(JSON.stringify(created)).not.toContain(issued.token);
    expect(await db.grant.findUniqueOrThrow({ where: { id: issued.grantId } })).toMatchObject({
      createdById: account.userId,
    });

    const scope = { db, notify, orgId: account.orgId, actor: account.actor, grantId: issued.grantId };
    const moved = await onlyEventOf(() => setGrantPolicy({ ...scope, policyId: second }));
    expect(moved).toMatchObject({ ...byUser(), action: "grant.policy_changed", targetId: issued.grantId });
    expect(moved.details).toMatchObject({ fromPolicyId: first, toPolicyId: second });

    const revoked = await onlyEventOf(() => revokeGrant(scope));
    expect(revoked).toMatchObject({ ...byUser(), action: "grant.revoked", targetId: issued.grantId });
    expect(await recordedBy(() => revokeGrant(scope))).toEqual([]);
  });

  it("records a grant written with its own policy as two changes: the policy's creation and the grant's", async () => {
    const serverId = await registerTestServer(db, account);
    const input = { serverId, name: "inline", policy: ALLOW_ALL };
    const events = await recordedBy(() =>
      createGrant({ db, orgId: account.orgId, actor: account.actor, input }),
    );
    expect(events.map((event) => [event.action, event.actorName])).toEqual([
      ["policy.created", account.actor.name],
      ["grant.created", account.actor.name],
    ]);
  });

  it("records approving a changed tool, naming the tool and its server", async () => {
    const serverId = await registerTestServer(db, account);
    const tool = await db.tool.create({
      data: {
        serverId,
        name: "drop_table",
        inputSchema: { type: "object" },
        definitionHash: "new",
        approvedHash: "old",
      },
    });
    const approved = await onlyEventOf(() =>
      approveToolChange({ db, notify, orgId: account.orgId, toolId: tool.id, actor: account.actor }),
    );
    expect(approved).toMatchObject({
      ...byUser(),
      action: "tool_change.approved",
      targetType: "tool",
      targetId: tool.id,
      targetName: "drop_table",
    });
    expect(approved.details).toMatchObject({ serverId });
  });

  it("records an API key's decision on a held call under the key, without the call's arguments", async () => {
    const serverId = await registerTestServer(db, account);
    const input = { serverId, name: "agent", policy: ALLOW_ALL };
    const { grantId, policyId } = await createGrant({
      db,
      orgId: account.orgId,
      actor: account.actor,
      input,
    });
    const now = new Date();
    const request = await openApprovalRequest(
      { db, secretBox: testSecretBox },
      {
        orgId: account.orgId,
        grantId,
        serverId,
        kind: "tool",
        method: "tools/call",
        name: "copy_model",
        args: { dst: "argument-value" },
        policyId,
        policyVersion: 1,
        rule: "/tools/copy_model",
        reason: "Needs a person.",
        sessionId: null,
        holderId: "test",
        timeoutSeconds: 600,
        reuseWindowSeconds: null,
        now,
      },
    );
    const decision = { orgId: account.orgId, approvalId: request.id, actor: keyActor, now };
    const denied = await onlyEventOf(() =>
      decideApproval({ db, publish: async () => {} }, { ...decision, decision: "deny", comment: "not now" }),
    );
    expect(denied).toMatchObject({
      ...byKey(),
      action: "approval.denied",
      targetType: "approval",
      targetId: request.id,
      targetName: "copy_model",
    });
    expect(denied.details).toMatchObject({ grantId, comment: "not now" });
    expect(JSON.stringify(denied)).not.toContain("argument-value");
    // The decision itself names no user: a key, not a person, decided.
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      decidedById: null,
      decidedByName: "API key CI deploy",
    });
  });

  it("records an API key's creation and revocation, never the key, and a repeat revocation not at all", async () => {
    let issued = { apiKeyId: "", key: "" };
    const created = await onlyEventOf(async () => {
      issued = await createApiKey({ db, orgId: account.orgId, actor: account.actor, name: "nightly" });
    });
    expect(created).toMatchObject({
      ...byUser(),
      action: "api_key.created",
      targetId: issued.apiKeyId,
      targetName: "nightly",
    });
    expect(JSON.stringify(created)).not.toContain(issued.key);
    const revoke = () =>
      revokeApiKey({ db, orgId: account.orgId, actor: account.actor, apiKeyId: issued.apiKeyId });
    expect(await onlyEventOf(revoke)).toMatchObject({
      ...byUser(),
      action: "api_key.revoked",
      targetId: issued.apiKeyId,
    });
    expect(await recordedBy(revoke)).toEqual([]);
  });

  it("records every webhook change with only the URL's origin, never a secret", async () => {
    const owner = await createTestAccount(db, "trail-webhook");
    const scope = { db, orgId: owner.orgId, actor: owner.actor };
    const actionsOf = async (operation: () => Promise<unknown>) =>
      (await recordedBy(operation, owner.orgId)).map((event) => [event.action, event.actorName]);
    const by = (action: string) => [[action, owner.actor.name]];
    const url = "https://hooks.example.com/services/T0/B0/path-secret";
    const secrets: string[] = [];
    const save = async () => {
      const { secret } = await saveWebhook({
        ...scope,
        secretBox: testSecretBox,
        url,
        allowPrivateNetworks: false,
      });
      if (secret) secrets.push(secret);
    };
    const rotate = async () => {
      secrets.push((await rotateWebhookSecret({ ...scope, secretBox: testSecretBox })).secret);
    };
    const queue = { add: async () => undefined };

    expect(await actionsOf(save)).toEqual(by("webhook.saved"));
    expect(await actionsOf(() => setWebhookEnabled({ ...scope, isEnabled: false }))).toEqual(
      by("webhook.disabled"),
    );
    expect(await actionsOf(() => setWebhookEnabled({ ...scope, isEnabled: true }))).toEqual(
      by("webhook.enabled"),
    );
    expect(await actionsOf(rotate)).toEqual(by("webhook.secret_rotated"));
    expect(await actionsOf(() => sendTestWebhook({ ...scope, queue }))).toEqual(by("webhook.tested"));
    expect(await actionsOf(() => deleteWebhook(scope))).toEqual(by("webhook.deleted"));
    expect(await actionsOf(() => deleteWebhook(scope))).toEqual([]);

    const trail = await db.adminEvent.findMany({ where: { orgId: owner.orgId, targetType: "webhook" } });
    expect(trail.find((event) => event.action === "webhook.saved")?.details).toEqual({
      origin: "https://hooks.example.com",
      isCreated: true,
    });
    expect(secrets).toHaveLength(2);
    for (const secret of [...secrets, "path-secret"]) expect(JSON.stringify(trail)).not.toContain(secret);
  });

  it("records a new audit retention on the organisation, and nothing for a refused one", async () => {
    const retention = { db, orgId: account.orgId, actor: account.actor };
    const changed = await onlyEventOf(() => setAuditRetention({ ...retention, days: "30" }));
    expect(changed).toMatchObject({
      ...byUser(),
      action: "audit_retention.changed",
      targetType: "organization",
      targetId: account.orgId,
    });
    expect(changed.details).toEqual({ days: 30 });
    expect(await recordedBy(() => gatehouseFailure(setAuditRetention({ ...retention, days: "0" })))).toEqual(
      [],
    );
  });

  it("records a discovery someone asked for, with what changed, and not the worker's own syncs", async () => {
    const { serverId } = await registerServer({
      db,
      secretBox: testSecretBox,
      orgId: account.orgId,
      actor: account.actor,
      allowStdio: false,
      allowPrivateNetworks: true,
      input: { name: `upstream ${uniqueSuffix()}`, transport: "streamable_http", url: upstream.url },
    });
    const sync = {
      db,
      secretBox: testSecretBox,
      notify,
      orgId: account.orgId,
      serverId,
      allowStdio: false,
      allowPrivateNetworks: true,
    };
    const discovered = await onlyEventOf(() =>
      syncCatalogue({ ...sync, timeoutMs: 10_000, actor: keyActor }),
    );
    expect(discovered).toMatchObject({ ...byKey(), action: "server.discovered", targetId: serverId });
    expect(discovered.details).toEqual({ toolCount: 2, added: ["echo", "fail"], changed: [], removed: [] });
    expect(await recordedBy(() => syncCatalogue({ ...sync, timeoutMs: 10_000, actor: null }))).toEqual([]);
  });
});
