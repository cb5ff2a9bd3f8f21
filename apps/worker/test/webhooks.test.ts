import { createServer, type IncomingHttpHeaders } from "node:http";
import { createSecretBox } from "@gatehouse/core/secrets/secret-box";
import { saveWebhook } from "@gatehouse/core/webhooks/save-webhook";
import { setWebhookEnabled } from "@gatehouse/core/webhooks/set-webhook-enabled";
import {
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
} from "@gatehouse/core/webhooks/sign-webhook-payload";
import { enqueueWebhook, WEBHOOK_QUEUE, type WebhookJob } from "@gatehouse/core/webhooks/webhook-job";
import { createDb } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { createTestGrant } from "@gatehouse/testing/create-test-grant";
import { freePort } from "@gatehouse/testing/free-port";
import {
  TEST_DATABASE_URL,
  TEST_ENCRYPTION_KEY,
  TEST_REDIS_URL,
  uniqueSuffix,
} from "@gatehouse/testing/test-env";
import { Queue, QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { createWorker } from "../src/create-worker";
import { createTestWorker } from "./create-test-worker";

// A prefix of this file's own, so only this file's worker delivers these webhooks.
const prefix = `gatehouse-webhooks-test-${uniqueSuffix()}`;
const connection = { url: TEST_REDIS_URL };
const db = createDb(TEST_DATABASE_URL);
const secretBox = createSecretBox(TEST_ENCRYPTION_KEY);
const queue = new Queue(WEBHOOK_QUEUE, { connection, prefix });
const queueEvents = new QueueEvents(WEBHOOK_QUEUE, { connection, prefix });
const DASHBOARD_URL = "https://gatehouse.example.test";
// The held call's arguments: the payload may name them, never carry their values.
const ARGS = { table: "customers_eu", apiToken: "sk-live-do-not-leak-4242" };
// Tests retry within milliseconds rather than the production backoff of seconds.
const FAST_RETRIES = { attempts: 3, backoff: { type: "fixed", delay: 50 }, removeOnComplete: true };
let worker: ReturnType<typeof createWorker>;

beforeAll(async () => {
  worker = createTestWorker({ prefix, env: { GATEHOUSE_DASHBOARD_URL: DASHBOARD_URL } });
  await Promise.all([worker.webhooks.waitUntilReady(), queueEvents.waitUntilReady()]);
});

afterAll(async () => {
  await worker?.close();
  await queue.obliterate({ force: true });
  await Promise.all([queue.close(), queueEvents.close()]);
  await db.$disconnect();
});

type Received = { headers: IncomingHttpHeaders; body: string };

/** A local HTTP receiver that records each request and answers with `statuses` in turn, then 200. */
async function startReceiver(statuses: number[] = [], beforeAnswer?: () => Promise<void>) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", async () => {
      received.push({ headers: request.headers, body });
      await beforeAnswer?.();
      const status = statuses.shift() ?? 200;
      response
        .writeHead(status, { "content-type": "text/plain" })
        .end(status === 200 ? "ok" : "receiver broke");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${port}/hooks/gatehouse`, received };
}

/** A new organisation whose webhook points at `url`, with one pending approval request. */
async function orgWithApproval(url: string) {
  const { orgId, actor, grantId, serverId, policyId } = await createTestGrant(db, "webhooks");
  const approval = await db.approvalRequest.create({
    data: {
      orgId,
      grantId,
      serverId,
      kind: "tool",
      method: "tools/call",
      name: "delete_rows",
      argsDigest: "0".repeat(64),
      argumentsEncrypted: secretBox.encrypt(JSON.stringify(ARGS)),
      argumentKeys: Object.keys(ARGS),
      policyId,
      policyVersion: 1,
      rule: "/tools/delete_rows",
      reason: "Deleting rows needs a person.",
      holderId: "test-holder",
      expiresAt: new Date(Date.now() + 10 * 60_000),
    },
  });
  const { secret, webhookId } = await saveWebhook({
    db,
    secretBox,
    orgId,
    actor,
    url,
    allowPrivateNetworks: true,
  });
  if (!secret) throw new Error("A new webhook must come with its secret.");
  return { orgId, actor, grantId, serverId, policyId, approvalId: approval.id, secret, webhookId };
}

async function runJob(data: WebhookJob, opts: Record<string, unknown> = FAST_RETRIES) {
  const job = await queue.add(data.event, data, opts);
  return job.waitUntilFinished(queueEvents);
}

function deliveriesOf(webhookId: string) {
  return db.webhookDelivery.findMany({ where: { webhookId } });
}

describe("webhook delivery", () => {
  it("posts a signed approval.requested that names the arguments but never holds their values", async () => {
    const receiver = await startReceiver();
    const org = await orgWithApproval(receiver.url);
    const job = await enqueueWebhookAndWait({ event: "approval.requested", approvalId: org.approvalId });
    expect(job).toMatchObject({ status: "delivered", responseStatus: 200 });

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (!request) throw new Error("nothing received");
    const signature = request.headers[WEBHOOK_SIGNATURE_HEADER] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(org.secret, signature, request.body, 300)).toBe(true);
    expect(verifyWebhookSignature(`${org.secret}x`, signature, request.body, 300)).toBe(false);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["user-agent"]).toBe("Gatehouse-Webhooks/1");
    expect(request.headers["x-gatehouse-event"]).toBe("approval.requested");

    expect(request.body).not.toContain(ARGS.table);
    expect(request.body).not.toContain(ARGS.apiToken);
    const payload = JSON.parse(request.body);
    expect(payload).toMatchObject({
      id: request.headers["x-gatehouse-delivery"],
      event: "approval.requested",
      approval: {
        id: org.approvalId,
        status: "pending",
        kind: "tool",
        name: "delete_rows",
        method: "tools/call",
        argumentKeys: ["table", "apiToken"],
        reason: "Deleting rows needs a person.",
        rule: "/tools/delete_rows",
        grant: { id: org.grantId, name: "webhooks agent" },
        server: { id: org.serverId },
        policy: { id: org.policyId, version: 1 },
        url: `${DASHBOARD_URL}/approvals/${org.approvalId}`,
      },
    });

    const deliveries = await deliveriesOf(org.webhookId);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      id: payload.id,
      event: "approval.requested",
      status: "delivered",
      attempts: 1,
      responseStatus: 200,
      error: null,
    });
    expect(deliveries[0]?.deliveredAt).toBeInstanceOf(Date);
  });

  it("retries after HTTP 500s and records them all on one delivery, pending until it succeeds", async () => {
    const seenBetween: { status: string; attempts: number; error: string | null }[] = [];
    let webhookId = "";
    const receiver = await startReceiver([500, 500], async () => {
      const [row] = await deliveriesOf(webhookId);
      if (row) seenBetween.push({ status: row.status, attempts: row.attempts, error: row.error });
    });
    const org = await orgWithApproval(receiver.url);
    webhookId = org.webhookId;
    await runJob({ event: "approval.requested", approvalId: org.approvalId });

    expect(receiver.received).toHaveLength(3);
    const deliveryIds = new Set(receiver.received.map((request) => request.headers["x-gatehouse-delivery"]));
    expect(deliveryIds.size).toBe(1);
    for (const request of receiver.received) {
      const signature = request.headers[WEBHOOK_SIGNATURE_HEADER] as string;
      expect(verifyWebhookSignature(org.secret, signature, request.body, 300)).toBe(true);
    }
    // What the log showed while the receiver was answering the 2nd and 3rd attempts.
    expect(seenBetween.slice(1)).toEqual([
      { status: "pending", attempts: 1, error: "HTTP 500: receiver broke" },
      { status: "pending", attempts: 2, error: "HTTP 500: receiver broke" },
    ]);
    const deliveries = await deliveriesOf(org.webhookId);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      status: "delivered",
      attempts: 3,
      responseStatus: 200,
      error: null,
    });
  });

  it("sends nothing and records nothing when the webhook is disabled or there is none", async () => {
    const receiver = await startReceiver();
    const org = await orgWithApproval(receiver.url);
    await setWebhookEnabled({ db, orgId: org.orgId, actor: org.actor, isEnabled: false });
    await expect(runJob({ event: "approval.requested", approvalId: org.approvalId })).resolves.toMatchObject({
      status: "skipped",
    });
    const { orgId: orgWithoutWebhook } = await createTestAccount(db, "no-webhook");
    await expect(runJob({ event: "webhook.test", orgId: orgWithoutWebhook })).resolves.toMatchObject({
      status: "skipped",
    });
    expect(receiver.received).toHaveLength(0);
    expect(await deliveriesOf(org.webhookId)).toHaveLength(0);
  });

  it("marks the delivery failed, with the network's error, once an unreachable URL exhausts the attempts", async () => {
    const port = await freePort();
    const org = await orgWithApproval(`http://127.0.0.1:${port}/hooks`);
    await expect(runJob({ event: "webhook.test", orgId: org.orgId })).rejects.toThrow(/ECONNREFUSED/);
    const deliveries = await deliveriesOf(org.webhookId);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      event: "webhook.test",
      status: "failed",
      attempts: 3,
      responseStatus: null,
    });
    expect(deliveries[0]?.error).toBe(`connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(deliveries[0]?.deliveredAt).toBeNull();
  });
});

/** Queues through the same helper the proxy uses (its production retry settings), and waits for the result. */
async function enqueueWebhookAndWait(data: WebhookJob) {
  let added: Awaited<ReturnType<typeof queue.add>> | undefined;
  await enqueueWebhook(
    {
      add: async (name, jobData, opts) => {
        added = await queue.add(name, jobData, opts);
        return added;
      },
    },
    data,
  );
  if (!added) throw new Error("enqueueWebhook added no job");
  return added.waitUntilFinished(queueEvents);
}
