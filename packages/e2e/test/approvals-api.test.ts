import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { createDb } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { TEST_DATABASE_URL } from "@gatehouse/testing/test-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, createApiClient } from "../src/api-client";
import { createHoldingGrant, createStackSecrets, type HoldingGrant, holdCall } from "../src/held-calls";
import { type Stack, startStack } from "../src/start-stack";

const db = createDb(TEST_DATABASE_URL);
const { encryptionKey, secretBox } = createStackSecrets();
const ARGS = { name: "churn", version: 3, dst_model_name: "prod-churn" };
const KEY_NAME = "release bot";
let stack: Stack;
let apiA: ApiClient;
let apiB: ApiClient;
let grant: HoldingGrant;

async function accountWithKey(label: string) {
  const account = await createTestAccount(db, label);
  const { key } = await createApiKey({ db, orgId: account.orgId, actor: account.actor, name: KEY_NAME });
  return { ...account, key };
}

beforeAll(async () => {
  const [a, b] = await Promise.all([accountWithKey("approvals-api-a"), accountWithKey("approvals-api-b")]);
  grant = await createHoldingGrant({ db, secretBox }, a);
  stack = await startStack({ env: { GATEHOUSE_ENCRYPTION_KEY: encryptionKey } });
  apiA = createApiClient({ baseUrl: stack.webUrl, key: a.key });
  apiB = createApiClient({ baseUrl: stack.webUrl, key: b.key });
});

afterAll(async () => {
  await stack?.stop();
  await db.$disconnect();
});

describe("/api/v1/approvals", () => {
  it("lists pending requests without arguments and shows one request's arguments", async () => {
    const held = await holdCall({ db, secretBox }, grant, { args: ARGS });
    const pending = await apiA.get("/api/v1/approvals");
    expect(pending.status).toBe(200);
    const listed = pending.body.approvals.find((approval: { id: string }) => approval.id === held.id);
    expect(listed).toMatchObject({
      status: "pending",
      name: "copy_model_version",
      argumentKeys: ["name", "version", "dst_model_name"],
      grant: { id: grant.grantId, name: grant.grantName },
      policy: { id: grant.policyId, version: 1 },
      rule: "/tools/copy_model_version",
      reuseWindowSeconds: 900,
      expiresAt: held.expiresAt.toISOString(),
    });
    expect(JSON.stringify(pending.body)).not.toContain("prod-churn");
    expect((await apiA.get("/api/v1/approvals?state=ended")).body.approvals).not.toContainEqual(
      expect.objectContaining({ id: held.id }),
    );

    const one = await apiA.get(`/api/v1/approvals/${held.id}`);
    expect(one.status).toBe(200);
    expect(one.body.approval).toMatchObject({ id: held.id, status: "pending", arguments: ARGS });
  });

  it("decides once as the API key, then answers 409 saying how it ended", async () => {
    const held = await holdCall({ db, secretBox }, grant, { args: ARGS });
    const approved = await apiA.post(`/api/v1/approvals/${held.id}/decision`, {
      decision: "approve",
      comment: "ship it",
      allowIdentical: true,
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      approval: {
        id: held.id,
        status: "approved",
        decidedByName: `API key ${KEY_NAME}`,
        comment: "ship it",
        arguments: null,
        reuseUntil: expect.any(String),
      },
      isPropagated: true,
    });
    const row = await db.approvalRequest.findUniqueOrThrow({ where: { id: held.id } });
    expect(row).toMatchObject({ status: "approved", decidedById: null, argumentsEncrypted: null });

    const again = await apiA.post(`/api/v1/approvals/${held.id}/decision`, { decision: "deny" });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "conflict",
      message: expect.stringContaining(`already approved by API key ${KEY_NAME}`),
    });
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("approved");

    const ended = await apiA.get("/api/v1/approvals?state=ended");
    expect(ended.body.approvals).toContainEqual(expect.objectContaining({ id: held.id, status: "approved" }));
    expect((await apiA.get(`/api/v1/approvals/${held.id}`)).body.approval.arguments).toBeNull();
  });

  it("refuses malformed decisions and queries with the field at fault, deciding nothing", async () => {
    const held = await holdCall({ db, secretBox }, grant, { args: ARGS, reuseWindowSeconds: null });
    const decide = (body: unknown) => apiA.post(`/api/v1/approvals/${held.id}/decision`, body);
    const cases: [unknown, string][] = [
      [{ decision: "maybe" }, "decision"],
      [{ decision: "approve", allow_identical: true }, "body"],
      [{ decision: "deny", comment: "x".repeat(1001) }, "comment"],
      ["not json", "body"],
    ];
    for (const [body, field] of cases) {
      const response = await decide(body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid_input");
      expect(response.body.error.fields).toContainEqual({ field, message: expect.any(String) });
    }
    // The policy that held this call offers no "allow identical calls" window.
    const notOffered = await decide({ decision: "approve", allowIdentical: true });
    expect(notOffered.status).toBe(400);
    expect(notOffered.body.error.message).toContain("allow_identical_for");
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("pending");

    const badState = await apiA.get("/api/v1/approvals?state=open");
    expect(badState.status).toBe(400);
    expect(badState.body.error.fields).toEqual([{ field: "state", message: expect.any(String) }]);
  });

  it("keeps another organisation out: its key sees no request and cannot decide one", async () => {
    const held = await holdCall({ db, secretBox }, grant, { args: ARGS });
    for (const response of [
      await apiB.get(`/api/v1/approvals/${held.id}`),
      await apiB.post(`/api/v1/approvals/${held.id}/decision`, { decision: "approve" }),
      await apiA.get("/api/v1/approvals/no-such-request"),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("not_found");
    }
    expect((await apiB.get("/api/v1/approvals")).body).toEqual({ approvals: [] });
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("pending");
  });

  it("is described in the OpenAPI document", async () => {
    const document = (await (await fetch(`${stack.webUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(document.paths["/api/v1/approvals"]?.get?.operationId).toBe("listApprovals");
    expect(document.paths["/api/v1/approvals/{id}"]?.get?.operationId).toBe("getApproval");
    expect(document.paths["/api/v1/approvals/{id}/decision"]?.post?.operationId).toBe("decideApproval");
  });
});

describe("the dashboard's live approval routes", () => {
  it("answer 401 JSON without a session, even with an API key", async () => {
    const anonymous = createApiClient({ baseUrl: stack.webUrl, key: undefined });
    for (const path of ["/api/dashboard/approvals", "/api/dashboard/approvals/count"]) {
      const response = await anonymous.get(path);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe("unauthenticated");
      expect((await apiA.get(path)).status).toBe(401);
    }
  });
});
