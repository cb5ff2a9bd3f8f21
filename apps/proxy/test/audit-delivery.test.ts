import { type ChildProcess, spawn } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { AUDIT_QUEUE } from "@gatehouse/core/audit/audit-event";
import { GRANT_CHANGES_CHANNEL } from "@gatehouse/core/grants/grant-change-notifier";
import { startRedisServer, type TestRedis } from "@gatehouse/testing/start-redis-server";
import { TEST_DATABASE_URL, TEST_ENCRYPTION_KEY, uniqueSuffix } from "@gatehouse/testing/test-env";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  connectAgent,
  createHarness,
  eventually,
  proxyUrl,
  type RunningProxy,
  startProxy,
} from "./proxy-harness";

// Names the worker's database sessions, so the test can see its insert waiting.
const WORKER_DB_NAME = `gatehouse-delivery-${uniqueSuffix()}`;
const WORKER_MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../worker/src/main.ts");
const AGENTS = 2;
const CALL_PAUSE_MS = 5;
const OUTAGE_MS = 4_000;
// A batch whose worker was killed is picked up again once its lock lapses (see AUDIT_WORKER_OPTIONS).
const DRAIN_TIMEOUT_MS = 40_000;

const prefix = `gatehouse-delivery-${uniqueSuffix()}`;
const spoolDir = path.join(tmpdir(), "gatehouse-test-spool", uniqueSuffix());
let harness: Awaited<ReturnType<typeof createHarness>>;
let redis: TestRedis;
let proxy: RunningProxy;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  [harness, redis] = await Promise.all([createHarness(), startRedisServer()]);
  proxy = await startProxy({
    REDIS_URL: redis.url,
    GATEHOUSE_QUEUE_PREFIX: prefix,
    GATEHOUSE_AUDIT_SPOOL_DIR: spoolDir,
  });
});

afterAll(async () => {
  await worker?.kill("SIGTERM");
  await proxy?.close();
  await redis?.stop();
  await harness?.close();
});

describe("audit delivery", () => {
  it("records every call exactly once through a Redis crash and a worker killed mid-batch", async () => {
    worker = await startWorker();
    // No limits: with Redis away, calls with limits are refused (fail closed); these must go on.
    const { token, grantId } = await harness.grant({ version: "1", default: "allow" });
    const countRows = () => harness.db.auditEvent.count({ where: { grantId, method: "tools/call" } });
    const load = startLoad(proxyUrl(proxy, token));
    await eventually(async () => expect(await countRows()).toBeGreaterThan(30), 20_000);

    // ioredis prints "Unhandled error event" for a connection nobody listens to: every
    // connection's errors must reach the proxy's structured log instead.
    const printed = vi.spyOn(console, "error");
    await redis.crash();
    const beforeOutage = load.succeeded();
    await sleep(OUTAGE_MS);
    expect(load.succeeded() - beforeOutage).toBeGreaterThan(20);
    expect(await spooledBytes()).toBeGreaterThan(0);
    await redis.restart();
    const unhandled = printed.mock.calls.filter((args) => String(args[0]).includes("Unhandled error event"));
    printed.mockRestore();
    expect(unhandled).toEqual([]);
    await eventually(async () => expect(await spooledBytes()).toBe(0), DRAIN_TIMEOUT_MS);

    const inspect = new Queue(AUDIT_QUEUE, { connection: { url: redis.url }, prefix });
    const orphaned = await killWorkerMidBatch(inspect);
    expect(orphaned).toBeGreaterThan(0);
    worker = await startWorker();
    await sleep(1_000); // calls go on a moment with the new worker
    await load.stop();
    await proxy.deps.audit.drain();

    await eventually(async () => expect(await countRows()).toBe(load.succeeded()), DRAIN_TIMEOUT_MS);
    expect(load.failed()).toBe(0);
    expect(await spooledBytes()).toBe(0);
    // The batches the killed worker held were run again (their events already stored), none failed.
    await eventually(async () => {
      const jobs = await inspect.getJobCounts("active", "wait", "delayed", "failed");
      expect(jobs).toEqual({ active: 0, wait: 0, delayed: 0, failed: 0 });
    }, DRAIN_TIMEOUT_MS);
    expect(await countRows()).toBe(load.succeeded());
    await inspect.close();
    // The proxy's grant-change subscription came back with Redis.
    const probe = new Redis(redis.url);
    const [, subscribers] = (await probe.pubsub("NUMSUB", GRANT_CHANGES_CHANNEL)) as [string, number];
    probe.disconnect();
    expect(subscribers).toBe(1);
  }, 120_000);
});

/**
 * Kills the worker (SIGKILL) in the middle of storing a batch: inserts into AuditEvent are held
 * (a table lock, for well under a second) until one of its inserts waits on it. Returns how many
 * batches the dead worker left active. Its insert still commits once the lock is released, so
 * the batch, run again, finds its events stored: the case idempotent inserts exist for.
 */
async function killWorkerMidBatch(inspect: Queue): Promise<number> {
  await harness.db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "AuditEvent" IN SHARE MODE`;
      await eventually(async () => {
        const [waiting] = await harness.db.$queryRaw<{ count: bigint }[]>`
          SELECT count(*) FROM pg_stat_activity
          WHERE application_name = ${WORKER_DB_NAME} AND wait_event_type = 'Lock'`;
        expect(waiting?.count).toBeGreaterThan(0n);
      });
      await worker?.kill("SIGKILL");
    },
    { timeout: 20_000 },
  );
  return inspect.getActiveCount();
}

async function spooledBytes(): Promise<number> {
  const files = (await readdir(spoolDir)).filter((name) => name.endsWith(".jsonl"));
  const sizes = await Promise.all(files.map(async (name) => (await stat(path.join(spoolDir, name))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** Agents calling the upstream's echo tool one call after another until stopped, counting outcomes. */
function startLoad(url: string) {
  let isRunning = true;
  let succeeded = 0;
  let failed = 0;
  const agents = Array.from({ length: AGENTS }, async () => {
    const agent = await connectAgent(url);
    while (isRunning) {
      await agent.callTool({ name: "echo", arguments: { message: "load" } }).then(
        () => succeeded++,
        () => failed++,
      );
      await sleep(CALL_PAUSE_MS);
    }
    await agent.close();
  });
  return {
    succeeded: () => succeeded,
    failed: () => failed,
    stop: async () => {
      isRunning = false;
      await Promise.all(agents);
    },
  };
}

type WorkerProcess = { kill: (signal: NodeJS.Signals) => Promise<void> };

/** The worker as a process of its own (from source, through tsx), so it can be killed outright. */
async function startWorker(): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER_MAIN], {
    cwd: path.dirname(WORKER_MAIN),
    env: {
      ...process.env,
      DATABASE_URL: workerDatabaseUrl(),
      REDIS_URL: redis.url,
      GATEHOUSE_QUEUE_PREFIX: prefix,
      GATEHOUSE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForOutput(child, /Gatehouse worker consuming/);
  return {
    kill: (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill(signal);
      });
    },
  };
}

function workerDatabaseUrl(): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("application_name", WORKER_DB_NAME);
  return url.toString();
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output = `${output}${chunk.toString()}`.slice(-10_000);
      if (pattern.test(output)) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`The worker exited with ${code}:\n${output}`)));
  });
}
