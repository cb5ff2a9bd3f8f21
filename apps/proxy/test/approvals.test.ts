import { type ApprovalPublisher, createApprovalPublisher } from "@gatehouse/core/approvals/approval-channel";
import { argumentsDigest } from "@gatehouse/core/approvals/arguments-digest";
import { type ApprovalDecision, decideApproval } from "@gatehouse/core/approvals/decide-approval";
import { findLiveHolders } from "@gatehouse/core/approvals/proxy-holders";
import { WEBHOOK_QUEUE } from "@gatehouse/core/webhooks/webhook-job";
import { startTestUpstream, type TestUpstream } from "@gatehouse/testing/start-test-upstream";
import { TEST_QUEUE_PREFIX, TEST_REDIS_URL } from "@gatehouse/testing/test-env";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CallToolResultSchema, type Progress } from "@modelcontextprotocol/sdk/types.js";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectAgent,
  eventually,
  firstText,
  type ProxyEnvOverrides,
  proxyUrl,
  type RunningProxy,
  startProxy,
  useTestbed,
} from "./proxy-harness";

// Polling is slow on the shared proxies, so a decision reaching them quickly proves pub/sub
// delivered it; the lost-message test starts its own proxy that polls fast.
const ENV: ProxyEnvOverrides = {
  GATEHOUSE_APPROVAL_POLL_SECONDS: "60",
  GATEHOUSE_APPROVAL_PROGRESS_SECONDS: "0.2",
};
const bed = useTestbed(2, [ENV, ENV]);
const HELD = { action: "require_approval", reason: "A person checks echoes." };

let upstream: TestUpstream;
let serverId: string;
let redis: Redis;
let webhooks: Queue;

beforeAll(async () => {
  upstream = await startTestUpstream();
  serverId = await bed.harness.registerServer(upstream.url);
  redis = new Redis(TEST_REDIS_URL);
  webhooks = new Queue(WEBHOOK_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix: TEST_QUEUE_PREFIX });
});

afterAll(async () => {
  await webhooks.close();
  redis.disconnect();
  await upstream.stop();
});

async function agentFor(policy: Record<string, unknown>, proxy: RunningProxy = bed.proxy) {
  const { token, grantId } = await bed.harness.grant(
    { version: "1", default: "deny", ...policy },
    "agent",
    serverId,
  );
  return { agent: await connectAgent(proxyUrl(proxy, token)), grantId };
}

function echo(agent: Client, message: string, options: Parameters<Client["callTool"]>[2] = {}) {
  return agent.callTool({ name: "echo", arguments: { message } }, CallToolResultSchema, options);
}

/** The grant's pending request for these arguments, once the proxy has opened it. */
function pendingRequest(grantId: string, args: Record<string, unknown>) {
  return eventually(() =>
    bed.harness.db.approvalRequest.findFirstOrThrow({
      where: { grantId, status: "pending", argsDigest: argumentsDigest(args) },
    }),
  );
}

function decide(
  approvalId: string,
  decision: ApprovalDecision,
  options: { comment?: string; allowIdentical?: boolean; publish?: ApprovalPublisher } = {},
) {
  const { account } = bed.harness;
  return decideApproval(
    { db: bed.harness.db, publish: options.publish ?? createApprovalPublisher(redis) },
    {
      orgId: account.orgId,
      approvalId,
      decision,
      actor: { type: "user", id: account.userId, name: "Alice" },
      comment: options.comment,
      allowIdentical: options.allowIdentical,
      now: new Date(),
    },
  );
}

/** The grant's audited tool calls, oldest first, once `count` of them have been ingested. */
async function callAudits(grantId: string, count: number, proxy: RunningProxy = bed.proxy) {
  await proxy.deps.audit.drain();
  return eventually(async () => {
    const rows = await bed.harness.db.auditEvent.findMany({
      where: { grantId, method: "tools/call" },
      orderBy: { occurredAt: "asc" },
    });
    expect(rows).toHaveLength(count);
    return rows;
  });
}

function requestStatus(approvalId: string) {
  return bed.harness.db.approvalRequest.findUniqueOrThrow({ where: { id: approvalId } });
}

describe("calls held for approval", () => {
  it("forwards an approved call and audits who approved it and how long it waited", async () => {
    const { agent, grantId } = await agentFor({ tools: { echo: HELD } });
    const before = upstream.calls();
    const call = echo(agent, "hello");
    const request = await pendingRequest(grantId, { message: "hello" });
    expect(request).toMatchObject({
      name: "echo",
      method: "tools/call",
      policyVersion: 1,
      reason: "A person checks echoes.",
      sessionId: (agent.transport as StreamableHTTPClientTransport).sessionId,
      holderId: bed.proxy.deps.approvals.holderId,
    });
    expect(request.expiresAt.getTime() - request.createdAt.getTime()).toBe(600_000);
    expect(upstream.calls()).toBe(before);
    await eventually(async () =>
      expect((await webhooks.getJob(`approval-${request.id}`))?.data).toMatchObject({
        event: "approval.requested",
        approvalId: request.id,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await decide(request.id, "approve", { comment: "Fine." });
    const result = await call;
    expect(result.isError).toBeFalsy();
    expect(firstText(result)).toBe("hello");
    expect(upstream.calls()).toBe(before + 1);
    const [audit] = await callAudits(grantId, 1);
    expect(audit).toMatchObject({
      decision: "require_approval",
      rule: "/tools/echo",
      reason: "Approved by Alice: Fine.",
      upstreamStatus: "ok",
      approvalId: request.id,
      approvalStatus: "approved",
      approvedBy: "Alice",
    });
    expect(audit?.approvalWaitMs).toBeGreaterThanOrEqual(50);
    expect(audit?.latencyMs).toBeGreaterThanOrEqual(audit?.approvalWaitMs ?? 0);
    await agent.close();
  });

  it("refuses a denied call naming who denied it, with their comment when there is one", async () => {
    const { agent, grantId } = await agentFor({ tools: { echo: HELD } });
    const before = upstream.calls();
    const withComment = echo(agent, "one");
    await decide((await pendingRequest(grantId, { message: "one" })).id, "deny", { comment: "Not today." });
    expect(await withComment).toMatchObject({ isError: true });
    expect(firstText(await withComment)).toBe("[POLICY DENIED] Approval denied by Alice: Not today.");
    const withoutComment = echo(agent, "two");
    await decide((await pendingRequest(grantId, { message: "two" })).id, "deny");
    expect(firstText(await withoutComment)).toBe("[POLICY DENIED] Approval denied by Alice");
    expect(upstream.calls()).toBe(before);
    expect((await callAudits(grantId, 2)).at(-1)).toMatchObject({
      decision: "require_approval",
      approvalStatus: "denied",
      approvedBy: "Alice",
      reason: "Approval denied by Alice",
      upstreamStatus: null,
    });
    await agent.close();
  });

  it("refuses a call nobody decided once the policy's timeout passes", async () => {
    const { agent, grantId } = await agentFor({ approval: { timeout: "1s" }, tools: { echo: HELD } });
    const result = await echo(agent, "late");
    expect(firstText(result)).toBe("[POLICY DENIED] Approval timed out after 1s");
    const [audit] = await callAudits(grantId, 1);
    expect(audit).toMatchObject({ approvalStatus: "expired", approvedBy: null });
    expect(audit?.approvalWaitMs).toBeGreaterThanOrEqual(1000);
    expect(audit?.approvalWaitMs).toBeLessThan(2000);
    expect((await requestStatus(audit?.approvalId ?? "")).status).toBe("expired");
    await agent.close();
  });

  it("caps the policy's timeout to the operator's maximum", async () => {
    const { agent, grantId } = await agentFor({ approval: { timeout: "2h" }, tools: { echo: HELD } });
    const abort = new AbortController();
    const call = echo(agent, "capped", { signal: abort.signal }).catch(() => "cancelled");
    const request = await pendingRequest(grantId, { message: "capped" });
    expect(request.expiresAt.getTime() - request.createdAt.getTime()).toBe(3600_000);
    abort.abort();
    expect(await call).toBe("cancelled");
    await agent.close();
  });

  it("cancels the request when the agent cancels the call, without calling the upstream", async () => {
    const { agent, grantId } = await agentFor({ tools: { echo: HELD } });
    const before = upstream.calls();
    const abort = new AbortController();
    const call = echo(agent, "never", { signal: abort.signal });
    const request = await pendingRequest(grantId, { message: "never" });
    abort.abort("changed my mind");
    await expect(call).rejects.toThrow();
    await eventually(async () => expect((await requestStatus(request.id)).status).toBe("cancelled"));
    expect((await callAudits(grantId, 1))[0]).toMatchObject({
      approvalId: request.id,
      approvalStatus: "cancelled",
    });
    expect(upstream.calls()).toBe(before);
    await agent.close();
  });

  it("cancels the request when the agent disconnects while it waits", async () => {
    const { agent, grantId } = await agentFor({ tools: { echo: HELD } });
    const call = echo(agent, "gone").catch(() => "disconnected");
    const request = await pendingRequest(grantId, { message: "gone" });
    // Closing the client transport drops the POST's response but leaves the session open.
    await agent.close();
    expect(await call).toBe("disconnected");
    await eventually(async () => expect((await requestStatus(request.id)).status).toBe("cancelled"));
  });

  it("releases only the call whose exact arguments were approved", async () => {
    const { agent, grantId } = await agentFor({ tools: { echo: HELD } });
    const callA = echo(agent, "a");
    const callB = echo(agent, "b");
    const [requestA, requestB] = await Promise.all([
      pendingRequest(grantId, { message: "a" }),
      pendingRequest(grantId, { message: "b" }),
    ]);
    expect(requestB.id).not.toBe(requestA.id);
    await decide(requestA.id, "approve");
    expect(firstText(await callA)).toBe("a");
    expect((await requestStatus(requestB.id)).status).toBe("pending");
    await decide(requestB.id, "deny", { comment: "Not b." });
    expect(firstText(await callB)).toBe("[POLICY DENIED] Approval denied by Alice: Not b.");
    await agent.close();
  });

  it("lets identical calls through only when the approver allowed it, and audits the reuse", async () => {
    const policy = { approval: { allow_identical_for: "15m" }, tools: { echo: HELD } };
    const { agent, grantId } = await agentFor(policy);
    const first = echo(agent, "same");
    await decide((await pendingRequest(grantId, { message: "same" })).id, "approve");
    expect(firstText(await first)).toBe("same");
    const second = echo(agent, "same");
    const opted = await pendingRequest(grantId, { message: "same" });
    await decide(opted.id, "approve", { allowIdentical: true });
    expect(firstText(await second)).toBe("same");
    const before = upstream.calls();
    expect(firstText(await echo(agent, "same"))).toBe("same");
    expect(upstream.calls()).toBe(before + 1);
    const other = echo(agent, "other");
    await decide((await pendingRequest(grantId, { message: "other" })).id, "deny");
    expect((await other).isError).toBe(true);
    expect(await bed.harness.db.approvalRequest.count({ where: { grantId } })).toBe(3);
    expect((await callAudits(grantId, 4))[2]).toMatchObject({
      approvalId: opted.id,
      approvalStatus: "reused",
      approvedBy: "Alice",
      approvalWaitMs: 0,
      upstreamStatus: "ok",
    });
    await agent.close();
  });

  it("counts an approved call against its limits in the window it is forwarded in", async () => {
    const limits = [{ counter: "approved_echo", window: 2, max: 1 }];
    const { agent, grantId } = await agentFor({ tools: { echo: { ...HELD, limits } } });
    const first = echo(agent, "1");
    const firstRequest = await pendingRequest(grantId, { message: "1" });
    // The second call is evaluated in a later window than the first; both are forwarded in it.
    await new Promise((resolve) => setTimeout(resolve, 2000 - (Date.now() % 2000) + 20));
    const second = echo(agent, "2");
    const secondRequest = await pendingRequest(grantId, { message: "2" });
    await decide(firstRequest.id, "approve");
    expect(firstText(await first)).toBe("1");
    await decide(secondRequest.id, "approve");
    expect(firstText(await second)).toMatch(/^\[POLICY DENIED\] Rate limit "approved_echo" reached/);
    expect((await callAudits(grantId, 2)).at(-1)).toMatchObject({
      rule: "/tools/echo/limits/0",
      approvalStatus: "approved",
      upstreamStatus: null,
    });
    await agent.close();
  });

  it("reports progress to a client that sent a progress token, keeping its timeout alive", async () => {
    const { agent, grantId } = await agentFor({ tools: { echo: HELD } });
    const progress: Progress[] = [];
    const onprogress = (update: Progress) => void progress.push(update);
    // A 1 s timeout the wait outlasts: only progress resetting it keeps the call alive.
    const call = echo(agent, "patient", { onprogress, resetTimeoutOnProgress: true, timeout: 1000 });
    const request = await pendingRequest(grantId, { message: "patient" });
    await eventually(async () => expect(progress.length).toBeGreaterThanOrEqual(8));
    await decide(request.id, "approve");
    expect(firstText(await call)).toBe("patient");
    const values = progress.map((update) => update.progress);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(new Set(values).size).toBe(values.length);
    expect(progress[0]?.message).toBe("Waiting for approval (10m left)");
    for (const update of progress)
      expect(update.message).toMatch(/^Waiting for approval \(\d+m( \d+s)? left\)$/);
    await agent.close();
  });

  it("does not hold calls in shadow mode: it lets them through and logs the decision", async () => {
    const { agent, grantId } = await agentFor({ mode: "shadow", tools: { echo: HELD } });
    expect(firstText(await echo(agent, "shadowed"))).toBe("shadowed");
    expect(await bed.harness.db.approvalRequest.count({ where: { grantId } })).toBe(0);
    expect((await callAudits(grantId, 1))[0]).toMatchObject({
      decision: "require_approval",
      isShadow: true,
      approvalId: null,
    });
    await agent.close();
  });
});

describe("approvals across proxy processes", () => {
  it("delivers a decision to the process holding the call, which keeps its liveness key", async () => {
    const holder = bed.proxyAt(1);
    const { agent, grantId } = await agentFor({ tools: { echo: HELD } }, holder);
    const call = echo(agent, "via B", { timeout: 10_000 });
    const request = await pendingRequest(grantId, { message: "via B" });
    const { holderId } = holder.deps.approvals;
    expect(request.holderId).toBe(holderId);
    expect(holderId).not.toBe(bed.proxy.deps.approvals.holderId);
    const live = await findLiveHolders(redis, { prefix: TEST_QUEUE_PREFIX, holderIds: [holderId] });
    expect([...live]).toEqual([holderId]);
    await decide(request.id, "approve");
    expect(firstText(await call)).toBe("via B");
    await agent.close();
  });

  it("notices a decision whose message was lost by re-reading the request", async () => {
    const polling = await startProxy({ ...ENV, GATEHOUSE_APPROVAL_POLL_SECONDS: "0.2" });
    try {
      const { agent, grantId } = await agentFor({ tools: { echo: HELD } }, polling);
      const call = echo(agent, "quiet", { timeout: 10_000 });
      const request = await pendingRequest(grantId, { message: "quiet" });
      await decide(request.id, "approve", { publish: async () => undefined });
      expect(firstText(await call)).toBe("quiet");
      await agent.close();
    } finally {
      await polling.close();
    }
  });

  it("refuses held calls and marks their requests abandoned when the proxy closes", async () => {
    const closing = await startProxy(ENV);
    const { agent, grantId } = await agentFor({ tools: { echo: HELD } }, closing);
    const call = echo(agent, "shutdown");
    const request = await pendingRequest(grantId, { message: "shutdown" });
    await closing.close();
    expect(firstText(await call)).toMatch(
      /^\[POLICY DENIED\] Approval abandoned: the Gatehouse proxy holding this call is shutting down/,
    );
    expect((await requestStatus(request.id)).status).toBe("abandoned");
    expect((await callAudits(grantId, 1, closing))[0]).toMatchObject({
      approvalId: request.id,
      approvalStatus: "abandoned",
    });
    await agent.close();
  });
});
