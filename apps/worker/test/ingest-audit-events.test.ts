import { randomUUID } from "node:crypto";
import {
  AUDIT_JOB,
  AUDIT_JOB_OPTIONS,
  AUDIT_QUEUE,
  type AuditEvent,
} from "@gatehouse/core/audit/audit-event";
import { createDb } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { eventually } from "@gatehouse/testing/eventually";
import { freePort } from "@gatehouse/testing/free-port";
import { TEST_DATABASE_URL, TEST_REDIS_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import { Queue, QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createWorker } from "../src/create-worker";
import { createTestWorker } from "./create-test-worker";

// A prefix of this file's own, so no other test process's worker takes these jobs.
const prefix = `gatehouse-worker-test-${uniqueSuffix()}`;
const connection = { url: TEST_REDIS_URL };
const db = createDb(TEST_DATABASE_URL);
const queue = new Queue(AUDIT_QUEUE, { connection, prefix });
const queueEvents = new QueueEvents(AUDIT_QUEUE, { connection, prefix });
let worker: ReturnType<typeof createWorker>;
let orgId: string;

function startWorker(options: { databaseUrl: string; prefix: string }) {
  return createTestWorker(options);
}

beforeAll(async () => {
  ({ orgId } = await createTestAccount(db, "worker"));
  worker = startWorker({ databaseUrl: TEST_DATABASE_URL, prefix });
  await Promise.all([worker.audit.waitUntilReady(), queueEvents.waitUntilReady()]);
});

afterAll(async () => {
  await worker?.close();
  await queue.obliterate({ force: true });
  await Promise.all([queue.close(), queueEvents.close()]);
  await db.$disconnect();
});

function auditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: randomUUID(),
    orgId,
    grantId: null,
    serverId: null,
    occurredAt: new Date().toISOString(),
    method: "tools/call",
    tool: "echo",
    decision: "allow",
    isShadow: false,
    rule: "/tools/echo",
    policyId: null,
    policyVersion: null,
    reason: null,
    upstreamStatus: "ok",
    upstreamError: null,
    latencyMs: 3,
    sessionId: "s-1",
    argumentKeys: ["message"],
    ...overrides,
  };
}

describe("audit ingestion", () => {
  it("stores a batch, and a redelivered batch adds no duplicates", async () => {
    const events = [auditEvent(), auditEvent({ decision: "deny", reason: "no" })];
    const first = await queue.add(AUDIT_JOB, { events });
    expect(await first.waitUntilFinished(queueEvents)).toEqual({ inserted: 2 });
    const again = await queue.add(AUDIT_JOB, { events });
    expect(await again.waitUntilFinished(queueEvents)).toEqual({ inserted: 0 });
    const stored = await db.auditEvent.findMany({ where: { id: { in: events.map((e) => e.id) } } });
    expect(stored).toHaveLength(2);
  });

  it("fails a malformed batch at once, without retries", async () => {
    const job = await queue.add(AUDIT_JOB, { events: [{ id: "not-a-uuid" }] }, { attempts: 5 });
    await expect(job.waitUntilFinished(queueEvents)).rejects.toThrow(/Malformed audit batch/);
    const failed = await queue.getJob(job.id ?? "");
    expect(failed?.attemptsMade).toBe(1);
  });

  it("keeps a batch while the database is down, and stores it once the database is back", async () => {
    // A queue of its own, so only the workers of this test take the batch.
    const outageQueue = new Queue(AUDIT_QUEUE, { connection, prefix: `${prefix}-outage` });
    const event = auditEvent();
    const withoutDatabase = startWorker({
      databaseUrl: `postgresql://postgres@127.0.0.1:${await freePort()}/gatehouse_test`,
      prefix: `${prefix}-outage`,
    });
    try {
      const { id = "" } = await outageQueue.add(AUDIT_JOB, { events: [event] }, AUDIT_JOB_OPTIONS);
      const failedOnce = await eventually(async () => {
        const job = await outageQueue.getJob(id);
        expect(job?.attemptsMade).toBeGreaterThanOrEqual(1);
        return job;
      });
      expect(await failedOnce?.getState()).toBe("delayed");
      await withoutDatabase.close();

      const recovered = startWorker({ databaseUrl: TEST_DATABASE_URL, prefix: `${prefix}-outage` });
      await eventually(async () => expect(await outageQueue.getJob(id)).toBeUndefined()).finally(() =>
        recovered.close(),
      );
      expect(await db.auditEvent.count({ where: { id: event.id } })).toBe(1);
    } finally {
      await withoutDatabase.close();
      await outageQueue.obliterate({ force: true });
      await outageQueue.close();
    }
  });
});
