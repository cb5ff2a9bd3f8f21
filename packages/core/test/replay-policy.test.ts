import { randomUUID } from "node:crypto";
import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import { insertAuditEvents } from "@gatehouse/core/audit/insert-audit-events";
import { createPolicy } from "@gatehouse/core/policies/create-policy";
import { replayPolicy } from "@gatehouse/core/policies/replay-policy";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { beforeAll, describe, expect, it } from "vitest";
import { gatehouseFailure, registerTestServer, useTestDb } from "./test-support";

const db = useTestDb();
let orgId: string;
let serverId: string;
let policyId: string;

const CURRENT = { version: "1", default: "deny", tools: { echo: {}, "get-sum": {} } };

function call(tool: string, argumentKeys: string[] = [], method = "tools/call"): AuditEvent {
  return {
    id: randomUUID(),
    orgId,
    grantId: null,
    serverId,
    occurredAt: new Date(Date.now() - Math.floor(Math.random() * 1000)).toISOString(),
    method,
    tool,
    decision: "allow",
    isShadow: false,
    rule: null,
    policyId: null,
    policyVersion: null,
    reason: null,
    upstreamStatus: "ok",
    upstreamError: null,
    latencyMs: 1,
    sessionId: null,
    argumentKeys,
  };
}

beforeAll(async () => {
  const account = await createTestAccount(db, "replay");
  orgId = account.orgId;
  serverId = await registerTestServer(db, account);
  ({ policyId } = await createPolicy({
    db,
    orgId,
    actor: account.actor,
    input: { serverId, name: "current", document: JSON.stringify(CURRENT) },
  }));
  await insertAuditEvents({
    db,
    events: [
      call("echo", ["message"]),
      call("get-sum", ["a", "b"]),
      call("get-env"),
      call("ignored", [], "tools/list"),
    ],
  });
});

describe("replayPolicy", () => {
  it("re-decides the server's recent calls under a draft and puts the changed ones first", async () => {
    const draft = { version: "1", default: "deny", tools: { echo: {}, "get-sum": { action: "deny" } } };
    const result = await replayPolicy({ db, orgId, policyId, draft: JSON.stringify(draft), limit: 100 });
    expect(result.total).toBe(3);
    expect(result.changedCount).toBe(1);
    expect(result.rows[0]).toMatchObject({
      tool: "get-sum",
      before: { effect: "allow", rule: "/tools/get-sum" },
      after: { effect: "deny", rule: "/tools/get-sum" },
      isChanged: true,
      dependsOnArguments: false,
    });
    expect(result.rows.slice(1).every((row) => !row.isChanged)).toBe(true);
  });

  it("marks decisions that turn on argument values, which the log never stores", async () => {
    const draft = {
      version: "1",
      default: "deny",
      tools: {
        echo: { deny_if: [{ conditions: [{ path: "args.message", op: "eq", value: "x" }] }] },
        "get-sum": {},
      },
    };
    const result = await replayPolicy({ db, orgId, policyId, draft: JSON.stringify(draft), limit: 100 });
    const echo = result.rows.find((row) => row.tool === "echo");
    expect(echo?.dependsOnArguments).toBe(true);
  });

  it("rejects an invalid draft with its path, and another organisation's policy as not found", async () => {
    const invalid = await gatehouseFailure(
      replayPolicy({ db, orgId, policyId, draft: '{"version":"1","default":"nope"}', limit: 10 }),
    );
    expect(invalid.code).toBe("invalid_input");
    expect(invalid.fieldErrors[0]?.message).toMatch(/^default: /);
    const other = await createTestAccount(db, "replay-other");
    const missing = await gatehouseFailure(
      replayPolicy({ db, orgId: other.orgId, policyId, draft: JSON.stringify(CURRENT), limit: 10 }),
    );
    expect(missing.code).toBe("not_found");
  });
});
