import { createPolicy } from "@gatehouse/core/policies/create-policy";
import { rollbackPolicy } from "@gatehouse/core/policies/rollback-policy";
import { savePolicy } from "@gatehouse/core/policies/save-policy";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { beforeAll, describe, expect, it } from "vitest";
import {
  gatehouseFailure,
  recordingNotifier,
  registerTestServer,
  unreachableNotifier,
  useTestDb,
} from "./test-support";

const db = useTestDb();
let account: Awaited<ReturnType<typeof createTestAccount>>;
let serverId: string;

const documentDenying = (tool: string) =>
  `{ "version": "1", "default": "allow", "tools": { "${tool}": { "action": "deny" } } }`;
const V1 = documentDenying("v1");

beforeAll(async () => {
  account = await createTestAccount(db, "save-policy");
  serverId = await registerTestServer(db, account);
});

async function newPolicy() {
  const input = { serverId, name: `policy ${uniqueSuffix()}`, document: V1 };
  return (await createPolicy({ db, orgId: account.orgId, actor: account.actor, input })).policyId;
}

function save(
  policyId: string,
  document: string,
  options: { notify?: typeof unreachableNotifier; expectedVersion?: number } = {},
) {
  return savePolicy({
    db,
    notify: options.notify ?? recordingNotifier().notify,
    orgId: account.orgId,
    actor: account.actor,
    policyId,
    document,
    expectedVersion: options.expectedVersion,
  });
}

async function documentsOf(policyId: string) {
  const versions = await db.policyVersion.findMany({ where: { policyId }, orderBy: { version: "asc" } });
  return versions.map((v) => [v.version, v.document]);
}

describe("savePolicy", () => {
  it("saves each document as the next version, leaves earlier versions as they were, and tells the proxies", async () => {
    const policyId = await newPolicy();
    const { notify, changes } = recordingNotifier();
    expect(await save(policyId, documentDenying("v2"), { notify })).toEqual({
      version: 2,
      isPropagated: true,
    });
    expect(await save(policyId, documentDenying("v3"), { notify })).toEqual({
      version: 3,
      isPropagated: true,
    });
    expect(await documentsOf(policyId)).toEqual([
      [1, JSON.parse(V1)],
      [2, JSON.parse(documentDenying("v2"))],
      [3, JSON.parse(documentDenying("v3"))],
    ]);
    expect((await db.policy.findUniqueOrThrow({ where: { id: policyId } })).currentVersion).toBe(3);
    const change = { kind: "policy_changed", policyId };
    expect(changes).toEqual([change, change]);
  });

  it("refuses a save based on an older version, naming both versions", async () => {
    const policyId = await newPolicy();
    await save(policyId, documentDenying("theirs"), { expectedVersion: 1 });
    const { notify, changes } = recordingNotifier();
    const failure = await gatehouseFailure(
      save(policyId, documentDenying("mine"), { notify, expectedVersion: 1 }),
    );
    expect(failure.code).toBe("conflict");
    expect(failure.message).toMatch(/now version 2, you edited version 1/);
    expect(await documentsOf(policyId)).toHaveLength(2);
    expect(changes).toEqual([]);
  });

  it("gives 10 concurrent saves the versions 2 to 11, once each", async () => {
    const policyId = await newPolicy();
    const { notify, changes } = recordingNotifier();
    const tools = Array.from({ length: 10 }, (_, index) => `t${index}`);
    const saved = await Promise.all(tools.map((tool) => save(policyId, documentDenying(tool), { notify })));
    expect(saved.map((s) => s.version).sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const stored = await documentsOf(policyId);
    expect(stored.map(([version]) => version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // Each save's document landed under the version it was told it got.
    for (const [index, tool] of tools.entries()) {
      const version = saved[index]?.version;
      expect(stored.find(([v]) => v === version)?.[1]).toEqual(JSON.parse(documentDenying(tool)));
    }
    expect((await db.policy.findUniqueOrThrow({ where: { id: policyId } })).currentVersion).toBe(11);
    expect(changes).toHaveLength(10);
  });

  it("commits the save and reports isPropagated false when the proxies cannot be told", async () => {
    const policyId = await newPolicy();
    expect(await save(policyId, documentDenying("v2"), { notify: unreachableNotifier })).toEqual({
      version: 2,
      isPropagated: false,
    });
    expect(await documentsOf(policyId)).toHaveLength(2);
  });

  it("keeps the current version and notifies nobody when the document is invalid", async () => {
    const policyId = await newPolicy();
    const { notify, changes } = recordingNotifier();
    const failure = await gatehouseFailure(save(policyId, '{ "version": "1" }', { notify }));
    expect(failure.code).toBe("invalid_input");
    expect(failure.fieldErrors).toEqual([
      { field: "document", message: expect.stringMatching(/^default: /) },
    ]);
    expect(await documentsOf(policyId)).toEqual([[1, JSON.parse(V1)]]);
    expect(changes).toEqual([]);
  });
});

describe("rollbackPolicy", () => {
  it("saves the chosen version's document as a new version, keeping history", async () => {
    const policyId = await newPolicy();
    await save(policyId, documentDenying("v2"));
    const { notify, changes } = recordingNotifier();
    const rollback = { db, notify, orgId: account.orgId, actor: account.actor, policyId };
    expect(await rollbackPolicy({ ...rollback, toVersion: 1 })).toEqual({ version: 3, isPropagated: true });
    const versions = await db.policyVersion.findMany({ where: { policyId }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, v.document, v.comment])).toEqual([
      [1, JSON.parse(V1), null],
      [2, JSON.parse(documentDenying("v2")), null],
      [3, JSON.parse(V1), "Rolled back to version 1"],
    ]);
    expect(versions[2]?.createdById).toBe(account.userId);
    expect(changes).toEqual([{ kind: "policy_changed", policyId }]);
  });

  it("is not_found for a version the policy does not have, saving nothing", async () => {
    const policyId = await newPolicy();
    const { notify, changes } = recordingNotifier();
    const rollback = { db, notify, orgId: account.orgId, actor: account.actor, policyId, toVersion: 7 };
    expect(await gatehouseFailure(rollbackPolicy(rollback))).toEqual({
      code: "not_found",
      message: "This policy has no version 7.",
      fieldErrors: [],
    });
    expect(await documentsOf(policyId)).toHaveLength(1);
    expect(changes).toEqual([]);
  });
});
