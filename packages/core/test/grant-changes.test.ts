import { createGrant } from "@gatehouse/core/grants/create-grant";
import { getGrant } from "@gatehouse/core/grants/get-grant";
import {
  createGrantChangeNotifier,
  GRANT_CHANGES_CHANNEL,
  type GrantChange,
} from "@gatehouse/core/grants/grant-change-notifier";
import { hashGrantToken } from "@gatehouse/core/grants/grant-token";
import { listGrants } from "@gatehouse/core/grants/list-grants";
import { revokeGrant } from "@gatehouse/core/grants/revoke-grant";
import { setGrantPolicy } from "@gatehouse/core/grants/set-grant-policy";
import { createPolicy } from "@gatehouse/core/policies/create-policy";
import { savePolicy } from "@gatehouse/core/policies/save-policy";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { TEST_REDIS_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import { Redis } from "ioredis";
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
let otherServerId: string;

const DENY_ALL = '{ "version": "1", "default": "deny" }';
const ALLOW_ALL = '{ "version": "1", "default": "allow" }';

beforeAll(async () => {
  account = await createTestAccount(db, "grant-changes");
  [serverId, otherServerId] = await Promise.all([
    registerTestServer(db, account, "mlflow"),
    registerTestServer(db, account, "other"),
  ]);
});

function grant(name = "mlflow agent") {
  return createGrant({
    db,
    orgId: account.orgId,
    actor: account.actor,
    input: { serverId, name, policy: DENY_ALL },
  });
}

async function policyOf(server: string, document = ALLOW_ALL) {
  const input = { serverId: server, name: `policy ${uniqueSuffix()}`, document };
  return (await createPolicy({ db, orgId: account.orgId, actor: account.actor, input })).policyId;
}

describe("setGrantPolicy", () => {
  it("moves the grant to another policy of its server and tells the proxies", async () => {
    const { grantId, token } = await grant();
    const policyId = await policyOf(serverId);
    const { notify, changes } = recordingNotifier();
    const moved = await setGrantPolicy({
      db,
      notify,
      orgId: account.orgId,
      actor: account.actor,
      grantId,
      policyId,
    });
    expect(moved).toEqual({ isPropagated: true });
    expect((await getGrant({ db, orgId: account.orgId, grantId })).policy).toMatchObject({ id: policyId });
    expect(changes).toEqual([{ kind: "grant_changed", grantId, tokenHash: hashGrantToken(token) }]);
  });

  it("refuses a policy of another server, keeping the grant's policy and notifying nobody", async () => {
    const { grantId, policyId: original } = await grant();
    const foreign = await policyOf(otherServerId);
    const { notify, changes } = recordingNotifier();
    const failure = await gatehouseFailure(
      setGrantPolicy({ db, notify, orgId: account.orgId, actor: account.actor, grantId, policyId: foreign }),
    );
    expect(failure).toEqual({
      code: "not_found",
      message: "No such policy for this grant's server.",
      fieldErrors: [{ field: "policyId", message: "Choose one of this server's policies." }],
    });
    expect((await db.grant.findUniqueOrThrow({ where: { id: grantId } })).policyId).toBe(original);
    expect(changes).toEqual([]);
  });
});

describe("revokeGrant", () => {
  it("stamps revokedAt, tells the proxies, and freezes the grant's policy", async () => {
    const { grantId, token, policyId } = await grant();
    const { notify, changes } = recordingNotifier();
    const before = Date.now();
    expect(await revokeGrant({ db, notify, orgId: account.orgId, actor: account.actor, grantId })).toEqual({
      isPropagated: true,
    });
    const revoked = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    expect(revoked.revokedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const change = { kind: "grant_changed", grantId, tokenHash: hashGrantToken(token) };
    expect(changes).toEqual([change]);

    const other = await policyOf(serverId);
    const failure = await gatehouseFailure(
      setGrantPolicy({ db, notify, orgId: account.orgId, actor: account.actor, grantId, policyId: other }),
    );
    expect(failure).toEqual({
      code: "conflict",
      message: "This grant is revoked; its policy can no longer change.",
      fieldErrors: [],
    });
    expect(changes).toHaveLength(1);
    expect((await db.grant.findUniqueOrThrow({ where: { id: grantId } })).policyId).toBe(policyId);
  });

  it("revoking twice keeps the first revocation time", async () => {
    const { grantId } = await grant();
    const { notify, changes } = recordingNotifier();
    await revokeGrant({ db, notify, orgId: account.orgId, actor: account.actor, grantId });
    const first = (await db.grant.findUniqueOrThrow({ where: { id: grantId } })).revokedAt;
    await revokeGrant({ db, notify, orgId: account.orgId, actor: account.actor, grantId });
    expect((await db.grant.findUniqueOrThrow({ where: { id: grantId } })).revokedAt).toEqual(first);
    expect(changes.map((change) => change.kind)).toEqual(["grant_changed", "grant_changed"]);
  });

  it("saves the change and reports it when the proxies cannot be told at once", async () => {
    const { grantId, policyId } = await grant();
    const orgId = account.orgId;
    const saved = await savePolicy({
      db,
      notify: unreachableNotifier,
      orgId,
      actor: { type: "system" },
      policyId,
      document: ALLOW_ALL,
    });
    expect(saved).toEqual({ version: 2, isPropagated: false });
    expect(
      await revokeGrant({ db, notify: unreachableNotifier, orgId, actor: account.actor, grantId }),
    ).toEqual({
      isPropagated: false,
    });
    expect((await db.policy.findUniqueOrThrow({ where: { id: policyId } })).currentVersion).toBe(2);
    expect((await db.grant.findUniqueOrThrow({ where: { id: grantId } })).revokedAt).not.toBeNull();
  });

  it("lists active grants before revoked ones", async () => {
    const { grantId: revokedId } = await grant("to revoke");
    const { grantId: activeId } = await grant("stays");
    await revokeGrant({
      db,
      notify: recordingNotifier().notify,
      orgId: account.orgId,
      actor: account.actor,
      grantId: revokedId,
    });
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
      const { grantId, token, policyId } = await grant();
      // Other test runs may publish on the same channel, so only this grant's and policy's messages count.
      const received: GrantChange[] = [];
      const arrived = new Promise<void>((resolve) => {
        subscriber.on("message", (channel: string, message: string) => {
          const change = JSON.parse(message) as GrantChange;
          const isOurs =
            (change.kind === "grant_changed" && change.grantId === grantId) ||
            (change.kind === "policy_changed" && change.policyId === policyId);
          if (channel === GRANT_CHANGES_CHANNEL && isOurs) received.push(change);
          if (received.length === 2) resolve();
        });
      });
      await subscriber.subscribe(GRANT_CHANGES_CHANNEL);
      const notify = createGrantChangeNotifier(publisher);
      await savePolicy({
        db,
        notify,
        orgId: account.orgId,
        actor: { type: "system" },
        policyId,
        document: ALLOW_ALL,
      });
      await revokeGrant({ db, notify, orgId: account.orgId, actor: account.actor, grantId });
      await arrived;
      expect(received).toEqual([
        { kind: "policy_changed", policyId },
        { kind: "grant_changed", grantId, tokenHash: hashGrantToken(token) },
      ]);
      expect(GRANT_CHANGES_CHANNEL).toBe("gatehouse:grant-changes");
    } finally {
      subscriber.disconnect();
      publisher.disconnect();
    }
  });
});
