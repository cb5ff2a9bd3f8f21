import { AUDIT_JOB, AUDIT_JOB_OPTIONS, AUDIT_QUEUE } from "@gatehouse/core/audit/audit-event";
import { createDb } from "@gatehouse/db/client";
import { auditEvent } from "@gatehouse/testing/audit-fixtures";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { eventually } from "@gatehouse/testing/eventually";
import { scrapeMetrics, sumSamples } from "@gatehouse/testing/scrape-metrics";
import { startRedisServer, type TestRedis } from "@gatehouse/testing/start-redis-server";
import { TEST_DATABASE_URL, TEST_ENCRYPTION_KEY, uniqueSuffix } from "@gatehouse/testing/test-env";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorker } from "../src/create-worker";
import { loadWorkerEnv } from "../src/env";
import { startOpsServer } from "../src/ops/start-ops-server";

// A private Redis, so the queues the test counts hold only its own jobs.
let redis: TestRedis;
let env: ReturnType<typeof loadWorkerEnv>;
let worker: ReturnType<typeof createWorker>;
let ops: Awaited<ReturnType<typeof startOpsServer>>;
const prefix = `gatehouse-worker-ops-${uniqueSuffix()}`;
const db = createDb(TEST_DATABASE_URL);

beforeAll(async () => {
  redis = await startRedisServer();
  env = loadWorkerEnv({
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: redis.url,
    GATEHOUSE_QUEUE_PREFIX: prefix,
    GATEHOUSE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    LOG_LEVEL: "silent",
  });
  worker = createWorker(env);
  const { audit, catalogue, webhooks, approvals, retention } = worker;
  ops = await startOpsServer({
    env,
    port: 0,
    db: worker.db,
    logger: worker.logger,
    workers: { audit, catalogue, webhooks, approvals, retention },
    auditQueue: AUDIT_QUEUE,
  });
});

afterAll(async () => {
  await ops?.close();
  await worker?.close();
  await redis?.stop();
  await db.$disconnect();
});

describe("worker ops server", () => {
  it("counts ingested audit batches, their sizes and the queue's depth", async () => {
    const { orgId } = await createTestAccount(db, "worker-ops");
    const queue = new Queue(AUDIT_QUEUE, { connection: { url: redis.url }, prefix });
    try {
      const before = await scrapeMetrics(`${ops.url}/metrics`);
      const events = [auditEvent(orgId), auditEvent(orgId), auditEvent(orgId)];
      await queue.add(AUDIT_JOB, { events }, AUDIT_JOB_OPTIONS);
      const after = await eventually(async () => {
        const samples = await scrapeMetrics(`${ops.url}/metrics`);
        expect(sumSamples(samples, "gatehouse_worker_jobs_processed_total", { queue: "audit" })).toBe(
          sumSamples(before, "gatehouse_worker_jobs_processed_total", { queue: "audit" }) + 1,
        );
        return samples;
      });
      expect(sumSamples(after, "gatehouse_worker_audit_batch_events_sum")).toBe(3);
      expect(sumSamples(after, "gatehouse_worker_audit_batch_events_bucket", { le: "1" })).toBe(0);
      expect(sumSamples(after, "gatehouse_worker_audit_batch_events_bucket", { le: "5" })).toBe(1);
      expect(sumSamples(after, "gatehouse_worker_queue_jobs", { queue: AUDIT_QUEUE, state: "waiting" })).toBe(
        0,
      );
      expect(after.filter((s) => s.name === "gatehouse_worker_queue_jobs").length).toBe(5 * 4);
    } finally {
      await queue.close();
    }
  });

  it("reports ready, then 503 naming Redis while it is down, then ready again", async () => {
    // The probe's Redis is taken away, not the workers': closing the worker while its BullMQ
    // connections are still reconnecting does not return (a known gap), which is not what this tests.
    const probed = await startRedisServer();
    const { audit, catalogue, webhooks, approvals, retention } = worker;
    const probing = await startOpsServer({
      env: { ...env, REDIS_URL: probed.url },
      port: 0,
      db: worker.db,
      logger: worker.logger,
      workers: { audit, catalogue, webhooks, approvals, retention },
      auditQueue: AUDIT_QUEUE,
    });
    const readyz = async () => {
      const response = await fetch(`${probing.url}/readyz`);
      return { status: response.status, body: (await response.json()) as { checks: Record<string, string> } };
    };
    // Its connection to the new Redis may still be opening.
    await eventually(async () =>
      expect(await readyz()).toEqual({
        status: 200,
        body: { status: "ready", checks: { postgres: "ok", redis: "ok" } },
      }),
    );
    try {
      await probed.crash();
      try {
        const down = await readyz();
        expect(down.status).toBe(503);
        expect(down.body.checks.postgres).toBe("ok");
        expect(down.body.checks.redis).not.toBe("ok");
        expect((await fetch(`${probing.url}/healthz`)).status).toBe(200);
      } finally {
        await probed.restart();
      }
      await eventually(async () => expect((await readyz()).status).toBe(200));
    } finally {
      await probing.close();
      await probed.stop();
    }
  });
});
