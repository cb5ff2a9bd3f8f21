import { openApprovalRequest } from "@gatehouse/core/approvals/open-approval-request";
import { createHolderId, markHolderAlive } from "@gatehouse/core/approvals/proxy-holders";
import { createSecretBox } from "@gatehouse/core/secrets/secret-box";
import { createDb } from "@gatehouse/db/client";
import { createTestGrant } from "@gatehouse/testing/create-test-grant";
import {
  TEST_DATABASE_URL,
  TEST_ENCRYPTION_KEY,
  TEST_REDIS_URL,
  uniqueSuffix,
} from "@gatehouse/testing/test-env";
import { Queue, QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createWorker } from "../src/create-worker";
import { APPROVAL_SWEEP_JOB, APPROVAL_SWEEP_QUEUE } from "../src/jobs/sweep-approvals";
import { createTestWorker } from "./create-test-worker";

// A prefix of this file's own: the sweep only judges holders of its own installation.
const prefix = `gatehouse-approval-sweep-test-${uniqueSuffix()}`;
const connection = { url: TEST_REDIS_URL };
const db = createDb(TEST_DATABASE_URL);
const redis = new Redis(TEST_REDIS_URL);
const queue = new Queue(APPROVAL_SWEEP_QUEUE, { connection, prefix });
const queueEvents = new QueueEvents(APPROVAL_SWEEP_QUEUE, { connection, prefix });
let worker: ReturnType<typeof createWorker>;

beforeAll(async () => {
  worker = createTestWorker({ prefix });
  // Scheduling starts the catalogue sweep too, which would re-sync every server in the shared
  // test database while catalogue-sync.test.ts changes one of them; nothing here consumes it.
  await worker.catalogue.close();
  await Promise.all([worker.approvals.waitUntilReady(), queueEvents.waitUntilReady()]);
});

afterAll(async () => {
  await worker?.close();
  await queue.obliterate({ force: true });
  await Promise.all([queue.close(), queueEvents.close()]);
  redis.disconnect();
  await db.$disconnect();
});

async function heldBy(holderId: string) {
  const grant = await createTestGrant(db, "sweep");
  return openApprovalRequest(
    { db, secretBox: createSecretBox(TEST_ENCRYPTION_KEY) },
    {
      ...grant,
      kind: "tool",
      method: "tools/call",
      name: "delete_registered_model",
      args: { name: "churn" },
      policyVersion: 1,
      rule: "/tools/delete_registered_model",
      reason: "Deletes need a person.",
      sessionId: "session-1",
      holderId,
      timeoutSeconds: 600,
      reuseWindowSeconds: null,
      now: new Date(),
    },
  );
}

describe("approval sweep", () => {
  it("marks requests of a proxy that stopped as abandoned and leaves a live proxy's alone", async () => {
    const liveHolder = createHolderId(prefix);
    await markHolderAlive(redis, { prefix, holderId: liveHolder, ttlMs: 60_000 });
    const [dead, live] = await Promise.all([heldBy(createHolderId(prefix)), heldBy(liveHolder)]);
    const job = await queue.add(APPROVAL_SWEEP_JOB, {});
    expect(await job.waitUntilFinished(queueEvents)).toMatchObject({ abandoned: 1, expired: 0 });
    const statusOf = async (id: string) =>
      (await db.approvalRequest.findUniqueOrThrow({ where: { id } })).status;
    expect(await statusOf(dead.id)).toBe("abandoned");
    expect(await statusOf(live.id)).toBe("pending");
  });

  it("registers the sweep as a repeatable job", async () => {
    await worker.scheduleSweeps();
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => scheduler.key)).toContain("approval-sweep");
  });
});
