import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { createDb } from "@gatehouse/db/client";
import { eventually } from "@gatehouse/testing/eventually";
import { TEST_DATABASE_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, createApiClient } from "../src/api-client";
import { signUpInBrowser } from "../src/browser-account";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
// The stand-in MLflow server: the real server's 40 tool definitions over stdio, in-memory registry.
const DEMO_SERVER = path.join(ROOT, "examples/mlflow-demo-server/bin/mlflow-demo-server.mjs");
const POLICY = {
  version: "1",
  default: "deny",
  tools: {
    get_model_version: {},
    copy_model_version: { action: "require_approval", reason: "Copies into the registry need a person." },
  },
};
const COPY = {
  src_model_name: "churn-classifier",
  src_version: "3",
  dst_model_name: `churn-approved-${uniqueSuffix()}`,
};

const db = createDb(TEST_DATABASE_URL);
const suffix = uniqueSuffix();
let stack: Stack;
let browser: Browser;
let page: Page;
let api: ApiClient;
let token = "";
let orgId = "";

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({
      allowStdio: true,
      proxies: 2,
      // Short timings so a crashed proxy's request is abandoned within seconds.
      env: {
        GATEHOUSE_APPROVAL_HOLDER_TTL_MS: "2000",
        GATEHOUSE_APPROVAL_SWEEP_SECONDS: "1",
        GATEHOUSE_APPROVAL_POLL_SECONDS: "1",
        GATEHOUSE_APPROVAL_PROGRESS_SECONDS: "1",
      },
    }),
    launchBrowser(),
  ]);
  const context = await browser.newContext({ baseURL: stack.webUrl });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await db.$disconnect();
});

/** An agent on proxy `index` (0 or 1) of the stack, through the grant's token. */
async function agentOn(index: number): Promise<Client> {
  const agent = new Client({ name: "approvals-e2e-agent", version: "1.0.0" });
  const url = `${stack.proxyUrls[index]}/g/${token}/mcp`;
  await agent.connect(new StreamableHTTPClientTransport(new URL(url)));
  return agent;
}

/** Starts a call that will be held; resolves with its result once someone decides. */
function heldCall(agent: Client, args: Record<string, unknown>) {
  const progress: string[] = [];
  const result = agent.callTool({ name: "copy_model_version", arguments: args }, undefined, {
    timeout: 60_000,
    resetTimeoutOnProgress: true,
    onprogress: (update) => progress.push(update.message ?? ""),
  }) as Promise<CallToolResult>;
  // A test that fails before awaiting the call must not also leave an unhandled rejection.
  result.catch(() => undefined);
  return { result, progress };
}

async function pendingRequest(dstModel: string) {
  return eventually(async () => {
    const { body } = await api.get("/api/v1/approvals?state=pending");
    const found = body.approvals.find(
      (approval: { name: string; id: string }) => approval.name === "copy_model_version",
    );
    if (!found) throw new Error(`no pending request for ${dstModel} yet`);
    return found as { id: string };
  });
}

function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === "text" ? part.text : "")).join("");
}

describe("approvals end to end: an agent's call waits for a person", () => {
  it("signs up, registers the MLflow server and grants an agent a policy that holds copies", async () => {
    await signUpInBrowser(page, {
      name: "Ada Approver",
      email: `ada-${suffix}@example.test`,
      organizationName: `Approvals lab ${suffix}`,
    });

    const user = await db.user.findUniqueOrThrow({
      where: { email: `ada-${suffix}@example.test` },
      include: { memberships: true },
    });
    orgId = user.memberships[0]?.orgId ?? "";
    const { key } = await createApiKey({
      db,
      orgId,
      actor: { type: "user", id: user.id, name: user.name },
      name: "ci",
    });
    api = createApiClient({ baseUrl: stack.webUrl, key });

    const server = await api.post("/api/v1/servers", {
      name: "MLflow",
      transport: "stdio",
      command: process.execPath,
      args: [DEMO_SERVER],
      env: { MLFLOW_TRACKING_URI: "memory://demo" },
    });
    expect(server.status).toBe(201);
    const serverId = server.body.server.id;
    expect((await api.post(`/api/v1/servers/${serverId}/discover`)).status).toBe(200);
    const grant = await api.post("/api/v1/grants", { serverId, name: "release-bot", policy: POLICY });
    expect(grant.status).toBe(201);
    token = grant.body.token;
  });

  it("holds copy_model_version until a person clicks Approve in the inbox, then makes the copy", async () => {
    const agent = await agentOn(1);
    try {
      const call = heldCall(agent, COPY);
      await page.goto("/approvals");
      const row = page.getByTestId("approval-request").filter({ hasText: "copy_model_version" });
      await row.waitFor();
      expect(await row.textContent()).toContain(COPY.dst_model_name);
      await page.getByRole("link", { name: "Approvals, 1 pending" }).waitFor();
      // Still waiting: nothing has reached the server yet.
      const before = await agent.callTool({
        name: "get_model_version",
        arguments: { model_name: COPY.dst_model_name, version: "1" },
      });
      expect(before.isError).toBe(true);

      await row.getByRole("button", { name: "Approve" }).click();
      const result = await call.result;
      expect(result.isError).toBeFalsy();
      expect(call.progress.some((message) => message.includes("Waiting for approval"))).toBe(true);
      const after = await agent.callTool({
        name: "get_model_version",
        arguments: { model_name: COPY.dst_model_name, version: "1" },
      });
      expect(after.isError).toBeFalsy();
      await page.getByRole("link", { name: "Approvals", exact: true }).waitFor();
      const audited = await eventually(async () => {
        const row = await db.auditEvent.findFirst({
          where: { orgId, tool: "copy_model_version", approvalStatus: "approved" },
        });
        if (!row) throw new Error("audit event not ingested yet");
        return row;
      });
      expect(audited).toMatchObject({ approvedBy: "Ada Approver", decision: "require_approval" });
      expect(audited.approvalWaitMs).toBeGreaterThan(0);
    } finally {
      await agent.close();
    }
  });

  it("delivers a decision made through the API to the proxy process holding the call", async () => {
    const agent = await agentOn(1);
    try {
      const call = heldCall(agent, { ...COPY, dst_model_name: "churn-denied" });
      const request = await pendingRequest("churn-denied");
      // The API is served by the dashboard, a different process from proxy 1.
      const decided = await api.post(`/api/v1/approvals/${request.id}/decision`, {
        decision: "deny",
        comment: "Not before the review.",
      });
      expect(decided.status).toBe(200);
      const result = await call.result;
      expect(result.isError).toBe(true);
      expect(textOf(result)).toBe("[POLICY DENIED] Approval denied by API key ci: Not before the review.");
      const again = await api.post(`/api/v1/approvals/${request.id}/decision`, { decision: "approve" });
      expect(again.status).toBe(409);
    } finally {
      await agent.close();
    }
  });

  it("marks the request abandoned when the proxy holding the call crashes", async () => {
    const agent = await agentOn(1);
    heldCall(agent, { ...COPY, dst_model_name: "churn-crash" });
    const request = await pendingRequest("churn-crash");
    stack.crashProxy(1);
    const ended = await eventually(async () => {
      const { body } = await api.get(`/api/v1/approvals/${request.id}`);
      if (body.approval.status === "pending") throw new Error("still pending");
      return body.approval;
    }, 20_000);
    expect(ended).toMatchObject({ status: "abandoned", arguments: null });
    const decided = await api.post(`/api/v1/approvals/${request.id}/decision`, { decision: "approve" });
    expect(decided.status).toBe(409);
    await agent.close().catch(() => undefined);
  });
});
