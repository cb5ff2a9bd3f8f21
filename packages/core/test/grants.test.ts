import { createGrant } from "@gatehouse/core/grants/create-grant";
import { getGrant } from "@gatehouse/core/grants/get-grant";
import {
  createGrantChangeNotifier,
  GRANT_CHANGES_CHANNEL,
  type GrantChange,
} from "@gatehouse/core/grants/grant-change-notifier";
import { hashGrantToken, looksLikeGrantToken } from "@gatehouse/core/grants/grant-token";
import { listGrants } from "@gatehouse/core/grants/list-grants";
import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import { updateGrantPolicy } from "@gatehouse/core/grants/update-grant-policy";
import { registerServer } from "@gatehouse/core/servers/register-server";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { TEST_REDIS_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import { Redis } from "ioredis";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, testSecretBox, useTestDb } from "./test-support";

const db = useTestDb();
let account: Awaited<ReturnType<typeof createTestAccount>>;
let serverId: string;

// The policy the seed script installs, exactly as a person would type it.
const SEED_POLICY = `{ "version": "1", "default": "deny", "tools": { "copy_model_version": { "limits": [ { "counter": "copy_model_version_rate", "window": "minute", "max": 30, "scope": "grant" } ] } } }`;

beforeAll(async () => {
  account = await createTestAccount(db, "grants");
  ({ serverId } = await registerServer({
    db,
    secretBox: testSecretBox,
    orgId: account.orgId,
    allowStdio: false,
    input: {
      name: `mlflow ${uniqueSuffix()}`,
      transport: "streamable_http",
      url: "https://mlflow.example/mcp",
    },
  }));
});

/** A notifier that remembers what it was told (a real function standing in for Redis). */
function recordingNotifier() {
  const changes: GrantChange[] = [];
  const notify = async (change: GrantChange) => {
    changes.push(change);
  };
  return { notify, changes };
}

function grant(policy = SEED_POLICY, name = "mlflow agent") {
  return createGrant({
    db,
    orgId: account.orgId,
    actorId: account.userId,
    input: { serverId, name, policy },
  });
}

describe("createGrant", () => {
  it("accepts the seed policy as written and stores it with defaults filled in", async () => {
    const { grantId, token } = await grant();
    const row = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    expect(row).toMatchObject({
      orgId: account.orgId,
      serverId,
      name: "mlflow agent",
      createdById: account.userId,
      policyVersion: 1,
      revokedAt: null,
      tokenHash: hashGrantToken(token),
      tokenPrefix: token.slice(0, 10),
    });
    expect(row.policy).toEqual({
      version: "1",
      default: "deny",
      tools: {
        copy_model_version: {
          action: "allow",
          limits: [{ counter: "copy_model_version_rate", window: "minute", max: 30, scope: "grant" }],
        },
      },
    });
  });

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
        {
          field: "policy",
          message:
            'tools.echo.limits: limits cannot be set on a denied tool; remove "limits" or set "action" to "allow"',
        },
      ],
    });
    expect(await db.grant.count({ where: { orgId: account.orgId, name } })).toBe(0);
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
        actorId: account.userId,
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

describe("updateGrantPolicy", () => {
  it("saves the policy, bumps the version each time and tells the proxies", async () => {
    const { grantId, token } = await grant();
    const { notify, changes } = recordingNotifier();
    const allowAll = '{ "version": "1", "default": "allow" }';
    expect(
      await updateGrantPolicy({ db, notify, orgId: account.orgId, grantId, policyText: allowAll }),
    ).toEqual({ policyVersion: 2, isPropagated: true });
    expect(
      await updateGrantPolicy({ db, notify, orgId: account.orgId, grantId, policyText: SEED_POLICY }),
    ).toEqual({ policyVersion: 3, isPropagated: true });
    const change = { grantId, tokenHash: hashGrantToken(token), kind: "policy_updated" };
    expect(changes).toEqual([change, change]);
    const saved = await getGrant({ db, orgId: account.orgId, grantId });
    expect(saved.policyVersion).toBe(3);
    expect(saved.policy).toMatchObject({
      default: "deny",
      tools: { copy_model_version: { action: "allow" } },
    });
  });

  it("saves the policy and reports it when the proxies cannot be told at once", async () => {
    const { grantId } = await grant();
    const unreachable = async () => {
      throw new Error("Redis is down");
    };
    const policyText = '{ "version": "1", "default": "allow" }';
    expect(
      await updateGrantPolicy({ db, notify: unreachable, orgId: account.orgId, grantId, policyText }),
    ).toEqual({
      policyVersion: 2,
      isPropagated: false,
    });
    expect(await revokeGrant({ db, notify: unreachable, orgId: account.orgId, grantId })).toEqual({
      isPropagated: false,
    });
    const saved = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    expect(saved.policyVersion).toBe(2);
    expect(saved.revokedAt).not.toBeNull();
  });

  it("keeps the old policy and notifies nobody when the new one is invalid", async () => {
    const { grantId } = await grant();
    const { notify, changes } = recordingNotifier();
    const failure = await gatehouseFailure(
      updateGrantPolicy({ db, notify, orgId: account.orgId, grantId, policyText: '{ "version": "1" }' }),
    );
    expect(failure.code).toBe("invalid_input");
    expect(failure.fieldErrors.map((error) => error.field)).toEqual(["policy"]);
    expect(changes).toEqual([]);
    expect((await getGrant({ db, orgId: account.orgId, grantId })).policyVersion).toBe(1);
  });
});

describe("revokeGrant", () => {
  it("stamps revokedAt, tells the proxies, and freezes the policy", async () => {
    const { grantId, token } = await grant();
    const { notify, changes } = recordingNotifier();
    const before = Date.now();
    await revokeGrant({ db, notify, orgId: account.orgId, grantId });
    const revoked = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    expect(revoked.revokedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(changes).toEqual([{ grantId, tokenHash: hashGrantToken(token), kind: "revoked" }]);

    const failure = await gatehouseFailure(
      updateGrantPolicy({ db, notify, orgId: account.orgId, grantId, policyText: SEED_POLICY }),
    );
    expect(failure).toEqual({
      code: "conflict",
      message: "This grant is revoked; its policy can no longer change.",
      fieldErrors: [],
    });
    expect(changes).toHaveLength(1);
    expect((await db.grant.findUniqueOrThrow({ where: { id: grantId } })).policyVersion).toBe(1);
  });

  it("revoking twice keeps the first revocation time", async () => {
    const { grantId } = await grant();
    const { notify, changes } = recordingNotifier();
    await revokeGrant({ db, notify, orgId: account.orgId, grantId });
    const first = (await db.grant.findUniqueOrThrow({ where: { id: grantId } })).revokedAt;
    await revokeGrant({ db, notify, orgId: account.orgId, grantId });
    expect((await db.grant.findUniqueOrThrow({ where: { id: grantId } })).revokedAt).toEqual(first);
    expect(changes.map((change) => change.kind)).toEqual(["revoked", "revoked"]);
  });

  it("lists active grants before revoked ones", async () => {
    const { grantId: revokedId } = await grant(SEED_POLICY, "to revoke");
    const { grantId: activeId } = await grant(SEED_POLICY, "stays");
    await revokeGrant({ db, notify: recordingNotifier().notify, orgId: account.orgId, grantId: revokedId });
    const ids = (await listGrants({ db, orgId: account.orgId, serverId })).map((g) => g.id);
    expect(ids.indexOf(activeId)).toBeLessThan(ids.indexOf(revokedId));
  });
});

describe("createGrantChangeNotifier", () => {
  it("publishes each change as JSON on the grant-changes channel in Redis", async () => {
    const subscriber = new Redis(TEST_REDIS_URL);
    const publisher = new Redis(TEST_REDIS_URL);
    try {
      // Subscribing before the connection's ready check has run makes that check fail.
      await new Promise((resolve) => subscriber.once("ready", resolve));
      const { grantId, token } = await grant();
      // Other test runs may publish on the same channel, so only this grant's messages count.
      const received: unknown[] = [];
      const arrived = new Promise<void>((resolve) => {
        subscriber.on("message", (channel: string, message: string) => {
          const change = JSON.parse(message) as GrantChange;
          if (channel === GRANT_CHANGES_CHANNEL && change.grantId === grantId) received.push(change);
          if (received.length === 2) resolve();
        });
      });
      await subscriber.subscribe(GRANT_CHANGES_CHANNEL);
      const notify = createGrantChangeNotifier(publisher);
      await updateGrantPolicy({ db, notify, orgId: account.orgId, grantId, policyText: SEED_POLICY });
      await revokeGrant({ db, notify, orgId: account.orgId, grantId });
      await arrived;
      const tokenHash = hashGrantToken(token);
      expect(received).toEqual([
        { grantId, tokenHash, kind: "policy_updated" },
        { grantId, tokenHash, kind: "revoked" },
      ]);
      expect(GRANT_CHANGES_CHANNEL).toBe("gatehouse:grant-changes");
    } finally {
      subscriber.disconnect();
      publisher.disconnect();
    }
  });
});
