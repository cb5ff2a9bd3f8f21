import type { ApprovalDecided } from "@gatehouse/core/approvals/approval-channel";
import { argumentsDigest } from "@gatehouse/core/approvals/arguments-digest";
import { decideApproval } from "@gatehouse/core/approvals/decide-approval";
import { endApprovalRequest } from "@gatehouse/core/approvals/end-approval-request";
import { findReusableApproval } from "@gatehouse/core/approvals/find-reusable-approval";
import {
  countPendingApprovals,
  listApprovalRequests,
} from "@gatehouse/core/approvals/list-approval-requests";
import { type OpenApprovalInput, openApprovalRequest } from "@gatehouse/core/approvals/open-approval-request";
import { readApprovalArguments } from "@gatehouse/core/approvals/read-approval-arguments";
import { readPendingApprovalArguments } from "@gatehouse/core/approvals/read-pending-approval-arguments";
import { sweepApprovalRequests } from "@gatehouse/core/approvals/sweep-approval-requests";
import { createGrant } from "@gatehouse/core/grants/create-grant";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, registerTestServer, testSecretBox, useTestDb } from "./test-support";

const db = useTestDb();
const NOW = new Date("2026-11-25T12:00:00Z");
const ARGS = { name: "churn", version: 3, dst: { model: "prod-churn", stage: null } };
let account: Awaited<ReturnType<typeof createTestAccount>>;
let other: Awaited<ReturnType<typeof createTestAccount>>;
let base: Omit<OpenApprovalInput, "args" | "now">;

const published: ApprovalDecided[] = [];
const publish = async (message: ApprovalDecided) => {
  published.push(message);
};
const alice = () => ({ type: "user" as const, id: account.userId, name: "Alice" });

beforeAll(async () => {
  [account, other] = await Promise.all([createTestAccount(db, "approvals"), createTestAccount(db, "other")]);
  const serverId = await registerTestServer(db, account, "mlflow");
  const policy = '{ "version": "1", "default": "allow" }';
  const input = { serverId, name: "agent", policy };
  const grant = await createGrant({ db, orgId: account.orgId, actor: account.actor, input });
  base = {
    orgId: account.orgId,
    grantId: grant.grantId,
    serverId,
    kind: "tool",
    method: "tools/call",
    name: "copy_model_version",
    policyId: grant.policyId,
    policyVersion: 1,
    rule: "/tools/copy_model_version",
    reason: "Copies need a person.",
    sessionId: "session-1",
    holderId: "proxy-a",
    timeoutSeconds: 600,
    reuseWindowSeconds: 900,
  };
});

function open(overrides: Partial<OpenApprovalInput> = {}) {
  return openApprovalRequest(
    { db, secretBox: testSecretBox },
    { ...base, args: ARGS, now: NOW, ...overrides },
  );
}

describe("argumentsDigest", () => {
  it("ignores key order at every level and changes with any value", () => {
    const reordered = { dst: { stage: null, model: "prod-churn" }, version: 3, name: "churn" };
    expect(argumentsDigest(reordered)).toBe(argumentsDigest(ARGS));
    expect(argumentsDigest({ ...ARGS, version: 4 })).not.toBe(argumentsDigest(ARGS));
    expect(argumentsDigest({ ...ARGS, dst: { model: "prod-churn" } })).not.toBe(argumentsDigest(ARGS));
    expect(argumentsDigest({ a: [1, 2] })).not.toBe(argumentsDigest({ a: [2, 1] }));
  });
});

describe("approval requests", () => {
  it("stores the arguments encrypted and bound by digest, readable until decided, then purged", async () => {
    const request = await open();
    expect(request).toMatchObject({ status: "pending", argsDigest: argumentsDigest(ARGS) });
    expect(request.argumentsEncrypted).not.toContain("prod-churn");
    expect(request.expiresAt.getTime() - NOW.getTime()).toBe(600_000);
    const scope = { orgId: account.orgId, approvalId: request.id };
    expect(await readApprovalArguments({ db, secretBox: testSecretBox }, scope)).toEqual(ARGS);
    const foreign = { orgId: other.orgId, approvalId: request.id };
    expect(await readApprovalArguments({ db, secretBox: testSecretBox }, foreign)).toBeNull();

    const { approval, isPropagated } = await decideApproval(
      { db, publish },
      { ...scope, decision: "deny", actor: alice(), comment: "  not today  ", now: NOW },
    );
    expect(approval).toMatchObject({ status: "denied", decidedByName: "Alice", comment: "not today" });
    expect(approval.argumentsEncrypted).toBeNull();
    expect(isPropagated).toBe(true);
    expect(published).toContainEqual({ approvalId: request.id });
    expect(await readApprovalArguments({ db, secretBox: testSecretBox }, scope)).toBeNull();
  });

  it("decides once: a second decision is a conflict naming the first", async () => {
    const request = await open();
    const scope = { orgId: account.orgId, approvalId: request.id, actor: alice(), now: NOW };
    await decideApproval({ db, publish }, { ...scope, decision: "approve" });
    const second = decideApproval({ db, publish }, { ...scope, decision: "deny" });
    expect(await gatehouseFailure(second)).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("already approved by Alice"),
    });
  });

  it("refuses to decide an expired request, or one of another organisation", async () => {
    const request = await open();
    const late = new Date(request.expiresAt.getTime() + 1);
    const scope = { approvalId: request.id, actor: alice(), decision: "approve" as const };
    const expired = decideApproval({ db, publish }, { ...scope, orgId: account.orgId, now: late });
    expect(await gatehouseFailure(expired)).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("expired"),
    });
    const foreign = decideApproval({ db, publish }, { ...scope, orgId: other.orgId, now: NOW });
    expect(await gatehouseFailure(foreign)).toMatchObject({ code: "not_found" });
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "pending",
    });
  });

  it("reports an unreachable channel instead of failing the decision", async () => {
    const request = await open();
    const failing = async () => {
      throw new Error("redis down");
    };
    const result = await decideApproval(
      { db, publish: failing },
      { orgId: account.orgId, approvalId: request.id, decision: "approve", actor: alice(), now: NOW },
    );
    expect(result).toMatchObject({ isPropagated: false, approval: { status: "approved" } });
  });

  it("lets identical calls through only when the approver chose it, for the same arguments and policy version", async () => {
    const grantId = base.grantId;
    const name = `reuse_${Date.now()}`;
    const lookup = (args: Record<string, unknown>, policyVersion = 1, now = NOW) =>
      findReusableApproval(db, {
        grantId,
        kind: "tool",
        name,
        argsDigest: argumentsDigest(args),
        policyVersion,
        now,
      });

    const plain = await open({ name });
    await decideApproval(
      { db, publish },
      { orgId: account.orgId, approvalId: plain.id, decision: "approve", actor: alice(), now: NOW },
    );
    expect(await lookup(ARGS)).toBeNull();

    const reusable = await open({ name });
    await decideApproval(
      { db, publish },
      {
        orgId: account.orgId,
        approvalId: reusable.id,
        decision: "approve",
        actor: alice(),
        allowIdentical: true,
        now: NOW,
      },
    );
    expect((await lookup(ARGS))?.id).toBe(reusable.id);
    expect(await lookup({ ...ARGS, version: 4 })).toBeNull();
    expect(await lookup(ARGS, 2)).toBeNull();
    expect(await lookup(ARGS, 1, new Date(NOW.getTime() + 900_001))).toBeNull();
  });

  it("refuses allowIdentical when the policy does not offer it", async () => {
    const request = await open({ reuseWindowSeconds: null });
    const attempt = decideApproval(
      { db, publish },
      {
        orgId: account.orgId,
        approvalId: request.id,
        decision: "approve",
        actor: alice(),
        allowIdentical: true,
        now: NOW,
      },
    );
    expect(await gatehouseFailure(attempt)).toMatchObject({ code: "invalid_input" });
  });

  it("keeps a person's decision when the proxy ends the request a moment later", async () => {
    const request = await open();
    await decideApproval(
      { db, publish },
      { orgId: account.orgId, approvalId: request.id, decision: "approve", actor: alice(), now: NOW },
    );
    const ended = await endApprovalRequest(db, { approvalId: request.id, status: "expired", now: NOW });
    expect(ended.status).toBe("approved");
  });

  it("sweeps requests whose proxy stopped as abandoned and long-expired ones as expired", async () => {
    const holderPrefix = `sweep-${Date.now()}`;
    const gone = await open({ holderId: `${holderPrefix}:gone` });
    const stale = await open({ holderId: `${holderPrefix}:live`, timeoutSeconds: 1 });
    const waiting = await open({ holderId: `${holderPrefix}:live` });
    const otherInstallation = await open({ holderId: "elsewhere:gone" });
    const now = new Date(NOW.getTime() + 60_000);
    const findLiveHolders = async () => new Set([`${holderPrefix}:live`]);
    await sweepApprovalRequests({ db, holderPrefix, now, findLiveHolders });
    const statusOf = async (id: string) =>
      (await db.approvalRequest.findUniqueOrThrow({ where: { id } })).status;
    expect(await statusOf(gone.id)).toBe("abandoned");
    expect(await statusOf(stale.id)).toBe("expired");
    expect(await statusOf(waiting.id)).toBe("pending");
    expect(await statusOf(otherInstallation.id)).toBe("pending");
    const row = await db.approvalRequest.findUniqueOrThrow({ where: { id: gone.id } });
    expect(row.argumentsEncrypted).toBeNull();
  });

  it("lists pending requests most urgent first, only the organisation's own", async () => {
    const later = await open({ timeoutSeconds: 3000 });
    const sooner = await open({ timeoutSeconds: 30 });
    const pending = await listApprovalRequests(db, { orgId: account.orgId, state: "pending" });
    const ids = pending.map((request) => request.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    expect(pending[0]).toMatchObject({ grant: { name: "agent" }, server: { name: expect.any(String) } });
    expect(await countPendingApprovals(db, account.orgId)).toBe(pending.length);
    expect(await listApprovalRequests(db, { orgId: other.orgId, state: "pending" })).toEqual([]);
  });

  it("reads several pending requests' arguments at once, leaving out ended and foreign ones", async () => {
    const [first, second, decided] = await Promise.all([open(), open({ args: { path: "/tmp" } }), open()]);
    await decideApproval(
      { db, publish },
      { orgId: account.orgId, approvalId: decided.id, decision: "deny", actor: alice(), now: NOW },
    );
    const deps = { db, secretBox: testSecretBox };
    const approvalIds = [first.id, second.id, decided.id];
    const read = await readPendingApprovalArguments(deps, { orgId: account.orgId, approvalIds });
    expect(Object.fromEntries(read)).toEqual({ [first.id]: ARGS, [second.id]: { path: "/tmp" } });
    expect((await readPendingApprovalArguments(deps, { orgId: other.orgId, approvalIds })).size).toBe(0);
  });
});
