import { randomUUID } from "node:crypto";
import type { AccountableActor } from "@gatehouse/core/admin-trail/admin-actor";
import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import { insertAuditEvents } from "@gatehouse/core/audit/insert-audit-events";
import { listAuditEvents } from "@gatehouse/core/audit/list-audit-events";
import { discoverTools } from "@gatehouse/core/catalogue/discover-tools";
import { listTools } from "@gatehouse/core/catalogue/list-tools";
import { createGrant } from "@gatehouse/core/grants/create-grant";
import { getGrant } from "@gatehouse/core/grants/get-grant";
import type { GrantChange } from "@gatehouse/core/grants/grant-change-notifier";
import { listGrants } from "@gatehouse/core/grants/list-grants";
import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import { setGrantPolicy } from "@gatehouse/core/grants/set-grant-policy";
import { getPolicy } from "@gatehouse/core/policies/get-policy";
import { listPolicies } from "@gatehouse/core/policies/list-policies";
import { listPolicyVersions } from "@gatehouse/core/policies/list-policy-versions";
import { rollbackPolicy } from "@gatehouse/core/policies/rollback-policy";
import { savePolicy } from "@gatehouse/core/policies/save-policy";
import { getServer } from "@gatehouse/core/servers/get-server";
import { listServers } from "@gatehouse/core/servers/list-servers";
import { registerServer } from "@gatehouse/core/servers/register-server";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, testSecretBox, useTestDb } from "./test-support";

const db = useTestDb();
const POLICY = '{ "version": "1", "default": "deny", "tools": { "echo": {} } }';

type Tenant = {
  orgId: string;
  userId: string;
  actor: AccountableActor;
  serverId: string;
  grantId: string;
  policyId: string;
};
let a: Tenant;
let b: Tenant;
const notified: GrantChange[] = [];
const notify = async (change: GrantChange) => {
  notified.push(change);
};

/** An organisation with one server (with a catalogued tool), one grant and a few audit events. */
async function createTenant(label: string): Promise<Tenant> {
  const { orgId, userId, actor } = await createTestAccount(db, label);
  const { serverId } = await registerServer({
    db,
    secretBox: testSecretBox,
    orgId,
    actor,
    allowStdio: false,
    allowPrivateNetworks: true,
    input: {
      name: `shared name ${uniqueSuffix()}`,
      transport: "streamable_http",
      url: "http://127.0.0.1:9/mcp",
    },
  });
  await db.tool.create({
    data: { serverId, name: `${label}-tool`, inputSchema: { type: "object" }, definitionHash: "h" },
  });
  const { grantId, policyId } = await createGrant({
    db,
    orgId,
    actor,
    input: { serverId, name: label, policy: POLICY },
  });
  const events: AuditEvent[] = ["allow", "deny"].map((decision) => ({
    id: randomUUID(),
    orgId,
    grantId,
    serverId,
    occurredAt: new Date().toISOString(),
    method: "tools/call",
    tool: "echo",
    decision: decision as "allow" | "deny",
    isShadow: false,
    rule: null,
    policyId,
    policyVersion: 1,
    reason: null,
    upstreamStatus: null,
    upstreamError: null,
    latencyMs: 1,
    sessionId: null,
    argumentKeys: [],
  }));
  await insertAuditEvents({ db, events });
  return { orgId, userId, actor, serverId, grantId, policyId };
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTenant("tenant-a"), createTenant("tenant-b")]);
});

describe("organisation B cannot see or touch organisation A's data", () => {
  it("servers: get and discover are not_found, and A's server is untouched", async () => {
    const before = await db.mcpServer.findUniqueOrThrow({ where: { id: a.serverId } });
    expect(await gatehouseFailure(getServer({ db, orgId: b.orgId, serverId: a.serverId }))).toEqual({
      code: "not_found",
      message: "No such server in this organisation.",
      fieldErrors: [],
    });
    const discovery = discoverTools({
      db,
      secretBox: testSecretBox,
      orgId: b.orgId,
      serverId: a.serverId,
      allowStdio: false,
      allowPrivateNetworks: true,
      timeoutMs: 2_000,
    });
    expect(await gatehouseFailure(discovery)).toMatchObject({ code: "not_found" });
    expect(await db.mcpServer.findUniqueOrThrow({ where: { id: a.serverId } })).toEqual(before);
  });

  it("tools: listing A's server from B returns nothing", async () => {
    expect((await listTools({ db, orgId: a.orgId, serverId: a.serverId })).map((t) => t.name)).toEqual([
      "tenant-a-tool",
    ]);
    expect(await listTools({ db, orgId: b.orgId, serverId: a.serverId })).toEqual([]);
  });

  it("lists: B's servers, grants and audit events never include A's rows", async () => {
    const servers = await listServers({ db, orgId: b.orgId });
    expect(servers.map((s) => s.id)).toEqual([b.serverId]);
    const grants = await listGrants({ db, orgId: b.orgId });
    expect(grants.map((g) => g.id)).toEqual([b.grantId]);
    expect(await listGrants({ db, orgId: b.orgId, serverId: a.serverId })).toEqual([]);

    const audit = await listAuditEvents({ db, orgId: b.orgId, filter: {} });
    expect(audit.events).toHaveLength(2);
    expect(audit.events.every((event) => event.orgId === b.orgId && event.grantId === b.grantId)).toBe(true);
    const byGrant = await listAuditEvents({ db, orgId: b.orgId, filter: { grantId: a.grantId } });
    expect(byGrant).toEqual({ events: [], nextCursor: null });
  });

  it("grants: B cannot create a grant on A's server", async () => {
    const failure = await gatehouseFailure(
      createGrant({
        db,
        orgId: b.orgId,
        actor: b.actor,
        input: { serverId: a.serverId, name: "intruder", policy: POLICY },
      }),
    );
    expect(failure).toEqual({
      code: "not_found",
      message: "No such server in this organisation.",
      fieldErrors: [{ field: "serverId", message: "Choose one of your servers." }],
    });
    expect(await db.grant.count({ where: { serverId: a.serverId } })).toBe(1);
  });

  it("grants: B cannot read, re-policy or revoke A's grant, and A's grant is unchanged", async () => {
    const before = await db.grant.findUniqueOrThrow({ where: { id: a.grantId } });
    const notFound = { code: "not_found", message: "No such grant in this organisation.", fieldErrors: [] };
    expect(await gatehouseFailure(getGrant({ db, orgId: b.orgId, grantId: a.grantId }))).toEqual(notFound);
    expect(
      await gatehouseFailure(
        setGrantPolicy({
          db,
          notify,
          orgId: b.orgId,
          actor: b.actor,
          grantId: a.grantId,
          policyId: b.policyId,
        }),
      ),
    ).toEqual(notFound);
    expect(
      await gatehouseFailure(revokeGrant({ db, notify, orgId: b.orgId, actor: b.actor, grantId: a.grantId })),
    ).toEqual(notFound);
    expect(await db.grant.findUniqueOrThrow({ where: { id: a.grantId } })).toEqual(before);
    expect(notified).toEqual([]);
  });

  it("policies: B cannot read, save, roll back or list versions of A's policy", async () => {
    const before = await policySnapshot(a.policyId);
    const notFound = { code: "not_found", message: "No such policy in this organisation.", fieldErrors: [] };
    const target = { db, notify, orgId: b.orgId, actor: b.actor, policyId: a.policyId };
    expect(await gatehouseFailure(getPolicy(target))).toEqual(notFound);
    expect(await gatehouseFailure(listPolicyVersions(target))).toEqual(notFound);
    const allowAll = '{ "version": "1", "default": "allow" }';
    expect(await gatehouseFailure(savePolicy({ ...target, document: allowAll }))).toEqual(notFound);
    expect(await gatehouseFailure(savePolicy({ ...target, document: allowAll, expectedVersion: 1 }))).toEqual(
      notFound,
    );
    expect(await gatehouseFailure(rollbackPolicy({ ...target, toVersion: 1 }))).toMatchObject({
      code: "not_found",
    });
    expect(await policySnapshot(a.policyId)).toEqual(before);
    expect(notified).toEqual([]);
  });

  it("policies: B cannot put a grant under A's policy, and B's policy list never includes A's", async () => {
    const before = await db.grant.findMany({ where: { orgId: { in: [a.orgId, b.orgId] } } });
    const wrongPolicy = {
      code: "not_found",
      message: "No such policy for this grant's server.",
      fieldErrors: [{ field: "policyId", message: "Choose one of this server's policies." }],
    };
    const move = { db, notify, orgId: b.orgId, actor: b.actor, grantId: b.grantId, policyId: a.policyId };
    expect(await gatehouseFailure(setGrantPolicy(move))).toEqual(wrongPolicy);
    for (const serverId of [b.serverId, a.serverId]) {
      const input = { serverId, name: "intruder", policyId: a.policyId };
      expect(await gatehouseFailure(createGrant({ db, orgId: b.orgId, actor: b.actor, input }))).toEqual({
        ...wrongPolicy,
        message: "No such policy for this server.",
      });
    }
    expect(await db.grant.findMany({ where: { orgId: { in: [a.orgId, b.orgId] } } })).toEqual(before);
    expect(notified).toEqual([]);

    expect((await listPolicies({ db, orgId: b.orgId })).map((p) => p.id)).toEqual([b.policyId]);
    expect(await listPolicies({ db, orgId: b.orgId, serverId: a.serverId })).toEqual([]);
  });
});

/** A policy row with all its versions, to show nothing about it changed. */
function policySnapshot(policyId: string) {
  return db.policy.findUniqueOrThrow({ where: { id: policyId }, include: { versions: true, grants: true } });
}
