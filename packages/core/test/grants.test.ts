import { createGrant } from "@gatehouse/core/grants/create-grant";
import { getGrant } from "@gatehouse/core/grants/get-grant";
import { hashGrantToken, looksLikeGrantToken } from "@gatehouse/core/grants/grant-token";
import { listGrants } from "@gatehouse/core/grants/list-grants";
import { createPolicy } from "@gatehouse/core/policies/create-policy";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, registerTestServer, useTestDb } from "./test-support";

const db = useTestDb();
let account: Awaited<ReturnType<typeof createTestAccount>>;
let serverId: string;
let otherServerId: string;

// The policy the seed script installs, exactly as a person would type it.
const SEED_POLICY = `{ "version": "1", "default": "deny", "tools": { "copy_model_version": { "limits": [ { "counter": "copy_model_version_rate", "window": "minute", "max": 30, "scope": "grant" } ] } } }`;
const ALLOW_ALL = '{ "version": "1", "default": "allow" }';

beforeAll(async () => {
  account = await createTestAccount(db, "grants");
  [serverId, otherServerId] = await Promise.all([
    registerTestServer(db, account, "mlflow"),
    registerTestServer(db, account, "other"),
  ]);
});

function grant(policy = SEED_POLICY, name = "mlflow agent") {
  return createGrant({
    db,
    orgId: account.orgId,
    actor: account.actor,
    input: { serverId, name, policy },
  });
}

async function policyOf(server: string) {
  const input = { serverId: server, name: `shared ${uniqueSuffix()}`, document: ALLOW_ALL };
  return (await createPolicy({ db, orgId: account.orgId, actor: account.actor, input })).policyId;
}

describe("createGrant with a policy written inline", () => {
  it("creates a policy of the server whose version 1 is the document as written", async () => {
    const { grantId, policyId, token } = await grant();
    const row = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    expect(row).toMatchObject({
      orgId: account.orgId,
      serverId,
      policyId,
      name: "mlflow agent",
      createdById: account.userId,
      revokedAt: null,
      tokenHash: hashGrantToken(token),
      tokenPrefix: token.slice(0, 10),
    });
    const policy = await db.policy.findUniqueOrThrow({
      where: { id: policyId },
      include: { versions: true },
    });
    expect(policy).toMatchObject({ orgId: account.orgId, serverId, currentVersion: 1 });
    expect(policy.name).toBe(`mlflow agent (${token.slice(0, 10)})`);
    expect(policy.versions).toHaveLength(1);
    // No defaults are filled in: "action" stays out because the author left it out.
    expect(policy.versions[0]).toMatchObject({ version: 1, createdById: account.userId });
    expect(policy.versions[0]?.document).toEqual(JSON.parse(SEED_POLICY));
  });

  it("gives each grant its own policy, even for the same agent name at the same moment", async () => {
    const name = `twin ${uniqueSuffix()}`;
    const created = await Promise.all(Array.from({ length: 8 }, () => grant(ALLOW_ALL, name)));
    expect(new Set(created.map((c) => c.policyId)).size).toBe(8);
  });

  it("accepts the longest agent name the grant form allows", async () => {
    const name = `${"a".repeat(70)}${uniqueSuffix()}`;
    expect(name).toHaveLength(80);
    const { policyId } = await grant(ALLOW_ALL, name);
    const policy = await db.policy.findUniqueOrThrow({ where: { id: policyId } });
    expect(policy.name.length).toBeLessThanOrEqual(80);
    expect(policy.name.startsWith("a".repeat(40))).toBe(true);
  });

  it("rejects a bad policy with one 'path: message' field error per problem, storing nothing", async () => {
    const name = `bad ${uniqueSuffix()}`;
    const policy = JSON.stringify({
      version: "2",
      default: "deny",
      tools: { echo: { action: "deny", limits: [{ counter: "c", window: "minute", max: 1 }] } },
    });
    const failure = await gatehouseFailure(grant(policy, name));
    expect(failure).toEqual({
      code: "invalid_input",
      message: "The policy has problems; fix them and save again.",
      fieldErrors: [
        { field: "policy", message: 'version: version must be the string "1"' },
        { field: "policy", message: expect.stringMatching(/^tools\.echo\.limits: limits cannot be set/) },
      ],
    });
    expect(await db.grant.count({ where: { orgId: account.orgId, name } })).toBe(0);
    expect(await db.policy.count({ where: { orgId: account.orgId, name: { contains: name } } })).toBe(0);
  });

  it("reports a JSON syntax error with its position", async () => {
    const failure = await gatehouseFailure(grant('{ "version": "1", }'));
    expect(failure.code).toBe("invalid_input");
    expect(failure.fieldErrors).toEqual([
      { field: "policy", message: expect.stringMatching(/^invalid JSON at line 1, column \d+: /) },
    ]);
  });

  it("rejects a missing name and an unknown server", async () => {
    const blank = await gatehouseFailure(grant(SEED_POLICY, "   "));
    expect(blank.fieldErrors).toEqual([{ field: "name", message: "Name the agent this grant is for." }]);
    const unknown = await gatehouseFailure(
      createGrant({
        db,
        orgId: account.orgId,
        actor: account.actor,
        input: { serverId: "no-such-server", name: "x", policy: SEED_POLICY },
      }),
    );
    expect(unknown).toEqual({
      code: "not_found",
      message: "No such server in this organisation.",
      fieldErrors: [{ field: "serverId", message: "Choose one of your servers." }],
    });
  });
});

describe("createGrant with an existing policy", () => {
  it("uses a policy of the same server without creating another", async () => {
    const policyId = await policyOf(serverId);
    const before = await db.policy.count({ where: { orgId: account.orgId } });
    const created = await createGrant({
      db,
      orgId: account.orgId,
      actor: account.actor,
      input: { serverId, name: "shared agent", policyId },
    });
    expect(created.policyId).toBe(policyId);
    expect((await db.grant.findUniqueOrThrow({ where: { id: created.grantId } })).policyId).toBe(policyId);
    expect(await db.policy.count({ where: { orgId: account.orgId } })).toBe(before);
  });

  it("rejects a policy of another server of the organisation, storing nothing", async () => {
    const policyId = await policyOf(otherServerId);
    const name = `cross ${uniqueSuffix()}`;
    const failure = await gatehouseFailure(
      createGrant({ db, orgId: account.orgId, actor: account.actor, input: { serverId, name, policyId } }),
    );
    expect(failure).toEqual({
      code: "not_found",
      message: "No such policy for this server.",
      fieldErrors: [{ field: "policyId", message: "Choose one of this server's policies." }],
    });
    expect(await db.grant.count({ where: { orgId: account.orgId, name } })).toBe(0);
  });

  it.each([
    ["both a policy and a policyId", { policyId: "some-policy", policy: ALLOW_ALL }],
    ["neither a policy nor a policyId", {}],
  ])("rejects %s", async (_label, choice) => {
    const input = { serverId, name: `choice ${uniqueSuffix()}`, ...choice };
    const failure = await gatehouseFailure(
      createGrant({ db, orgId: account.orgId, actor: account.actor, input }),
    );
    expect(failure).toEqual({
      code: "invalid_input",
      message: "Some fields need attention.",
      fieldErrors: [{ field: "policy", message: "Choose an existing policy or write a new one (not both)." }],
    });
    expect(await db.grant.count({ where: { orgId: account.orgId, name: input.name } })).toBe(0);
  });
});

describe("grant tokens", () => {
  it("returns the token once and stores only its hash", async () => {
    const { grantId, token } = await grant();
    expect(looksLikeGrantToken(token)).toBe(true);
    const row = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(4));
    expect(JSON.stringify(await getGrant({ db, orgId: account.orgId, grantId }))).not.toContain(
      row.tokenHash,
    );
    expect(JSON.stringify(await listGrants({ db, orgId: account.orgId }))).not.toContain(row.tokenHash);
  });
});
