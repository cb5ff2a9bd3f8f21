import type { Actor } from "@gatehouse/core/admin-trail/admin-actor";
import { createGrant } from "@gatehouse/core/grants/create-grant";
import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import { createPolicy } from "@gatehouse/core/policies/create-policy";
import { getPolicy } from "@gatehouse/core/policies/get-policy";
import { listPolicies } from "@gatehouse/core/policies/list-policies";
import { listPolicyVersions } from "@gatehouse/core/policies/list-policy-versions";
import { savePolicy } from "@gatehouse/core/policies/save-policy";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, recordingNotifier, registerTestServer, useTestDb } from "./test-support";

const db = useTestDb();
let account: Awaited<ReturnType<typeof createTestAccount>>;
let serverId: string;

const DENY_ALL = '{ "version": "1", "default": "deny" }';
// Odd spacing and key order, and no "action" on the entry: stored as written, never normalised.
const AS_WRITTEN = `{
  "tools":   { "echo": { "reason": "read only" } },
      "default": "deny",   "version": "1"
}`;

beforeAll(async () => {
  account = await createTestAccount(db, "policies");
  serverId = await registerTestServer(db, account);
});

function create(input: { name?: string; document?: string; serverId?: string; comment?: string }) {
  return createPolicy({
    db,
    orgId: account.orgId,
    actor: account.actor,
    input: { serverId, name: `policy ${uniqueSuffix()}`, document: DENY_ALL, ...input },
  });
}

function grantUnder(policyId: string, name: string) {
  const input = { serverId, name, policyId };
  return createGrant({ db, orgId: account.orgId, actor: account.actor, input });
}

describe("createPolicy", () => {
  it("stores the document as written as version 1", async () => {
    const { policyId, version } = await create({
      name: " reviewed ",
      document: AS_WRITTEN,
      comment: "first",
    });
    expect(version).toBe(1);
    const policy = await db.policy.findUniqueOrThrow({
      where: { id: policyId },
      include: { versions: true },
    });
    expect(policy).toMatchObject({ orgId: account.orgId, serverId, name: "reviewed", currentVersion: 1 });
    expect(policy.versions).toEqual([
      expect.objectContaining({ version: 1, comment: "first", createdById: account.userId }),
    ]);
    const document = policy.versions[0]?.document;
    expect(document).toEqual({ version: "1", default: "deny", tools: { echo: { reason: "read only" } } });
    expect(JSON.stringify(document)).not.toContain('"action"');
  });

  it("rejects an invalid document with one 'path: message' error per problem, storing nothing", async () => {
    const name = `invalid ${uniqueSuffix()}`;
    const document = '{ "version": "2", "default": "maybe" }';
    const failure = await gatehouseFailure(create({ name, document }));
    expect(failure.code).toBe("invalid_input");
    expect(failure.message).toBe("The policy has problems; fix them and save again.");
    expect(failure.fieldErrors).toEqual([
      { field: "document", message: 'version: version must be the string "1"' },
      { field: "document", message: expect.stringMatching(/^default: default must be /) },
    ]);
    expect(await db.policy.count({ where: { orgId: account.orgId, name } })).toBe(0);
  });

  it("rejects a second policy of the same name on the same server", async () => {
    const name = `dup ${uniqueSuffix()}`;
    await create({ name });
    const message = `This server already has a policy named "${name}". Choose another name.`;
    expect(await gatehouseFailure(create({ name: ` ${name} ` }))).toEqual({
      code: "conflict",
      message,
      fieldErrors: [{ field: "name", message }],
    });
    // The same name on another server is a different policy.
    const otherServer = await registerTestServer(db, account);
    expect(await create({ name, serverId: otherServer })).toMatchObject({ version: 1 });
  });

  it("rejects another organisation's server as not found", async () => {
    const other = await createTestAccount(db, "policies-other");
    const foreignServer = await registerTestServer(db, other);
    expect(await gatehouseFailure(create({ serverId: foreignServer }))).toEqual({
      code: "not_found",
      message: "No such server in this organisation.",
      fieldErrors: [{ field: "serverId", message: "Choose one of your servers." }],
    });
    expect(await db.policy.count({ where: { serverId: foreignServer } })).toBe(0);
  });
});

describe("getPolicy", () => {
  it("returns the latest version's document and every grant using the policy", async () => {
    const { policyId } = await create({});
    const { grantId } = await grantUnder(policyId, "reader");
    const { notify } = recordingNotifier();
    const orgId = account.orgId;
    await savePolicy({ db, notify, orgId, actor: account.actor, policyId, document: AS_WRITTEN });
    const policy = await getPolicy({ db, orgId, policyId });
    expect(policy).toMatchObject({ id: policyId, currentVersion: 2, server: { id: serverId } });
    expect(policy.document).toEqual(JSON.parse(AS_WRITTEN));
    expect(policy.grants).toEqual([
      expect.objectContaining({ id: grantId, name: "reader", revokedAt: null }),
    ]);
    expect(JSON.stringify(policy)).not.toContain("tokenHash");
  });

  it("is not_found for an unknown id", async () => {
    expect(await gatehouseFailure(getPolicy({ db, orgId: account.orgId, policyId: "nope" }))).toEqual({
      code: "not_found",
      message: "No such policy in this organisation.",
      fieldErrors: [],
    });
  });
});

describe("listPolicies", () => {
  it("lists the organisation's policies, filtered by server, counting only active grants", async () => {
    const lister = await createTestAccount(db, "policies-list");
    const { orgId } = lister;
    const [first, second] = await Promise.all([
      registerTestServer(db, lister),
      registerTestServer(db, lister),
    ]);
    const make = (server: string, name: string) =>
      createPolicy({
        db,
        orgId,
        actor: { type: "system" },
        input: { serverId: server, name, document: DENY_ALL },
      });
    const { policyId: used } = await make(first, "used");
    const { policyId: unused } = await make(first, "unused");
    const { policyId: elsewhere } = await make(second, "elsewhere");
    const grants = await Promise.all(
      ["one", "two", "gone"].map((name) =>
        createGrant({ db, orgId, actor: account.actor, input: { serverId: first, name, policyId: used } }),
      ),
    );
    const gone = grants[2]?.grantId ?? "";
    await revokeGrant({ db, notify: recordingNotifier().notify, orgId, actor: lister.actor, grantId: gone });

    const counts = (rows: Awaited<ReturnType<typeof listPolicies>>) =>
      Object.fromEntries(rows.map((row) => [row.id, row._count.grants]));
    expect(counts(await listPolicies({ db, orgId }))).toEqual({ [used]: 2, [unused]: 0, [elsewhere]: 0 });
    expect(counts(await listPolicies({ db, orgId, serverId: second }))).toEqual({ [elsewhere]: 0 });
  });
});

describe("listPolicyVersions", () => {
  it("lists every version newest first with who saved it and why", async () => {
    const { policyId } = await create({ comment: "initial" });
    const { notify } = recordingNotifier();
    const save = (comment: string, actor: Actor) =>
      savePolicy({ db, notify, orgId: account.orgId, actor, policyId, document: AS_WRITTEN, comment });
    await save("tighten", account.actor);
    await save("by Gatehouse", { type: "system" });
    const versions = await listPolicyVersions({ db, orgId: account.orgId, policyId });
    expect(versions.map((v) => [v.version, v.comment, v.createdBy?.email ?? null])).toEqual([
      [3, "by Gatehouse", null],
      [2, "tighten", account.email],
      [1, "initial", account.email],
    ]);
    expect(versions[2]?.document).toEqual(JSON.parse(DENY_ALL));
  });
});
