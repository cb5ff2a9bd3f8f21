import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { AUDIT_QUEUE, type AuditEvent, type AuditJob } from "@gatehouse/core/audit/audit-event";
import { startRedisServer } from "@gatehouse/testing/start-redis-server";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { Queue } from "bullmq";
import pino from "pino";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { AuditSink } from "../src/audit/audit-sink";
import { AuditSpool } from "../src/audit/audit-spool";
import { openAuditQueue } from "../src/audit/open-audit-queue";
import { eventually } from "./proxy-harness";

const MB = 1024 * 1024;
const opened: AuditSpool[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((spool) => spool.close()));
});

afterAll(() => rm(root, { recursive: true, force: true }));

function auditEvent(tool: string): AuditEvent {
  return {
    id: randomUUID(),
    orgId: "org_spool",
    grantId: null,
    serverId: null,
    occurredAt: new Date().toISOString(),
    method: "tools/call",
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
    argumentKeys: [],
  };
}

/** A logger whose lines the test can read. */
function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: pino({ level: "warn" }, stream), lines };
}

async function openSpool(dir: string, maxBytes = MB, logger = capturingLogger().logger) {
  const spool = await AuditSpool.open({ dir, maxBytes, logger });
  opened.push(spool);
  return spool;
}

async function replayAll(spool: AuditSpool): Promise<string[][]> {
  const batches: string[][] = [];
  await spool.replay(async (events) => void batches.push(events.map((event) => event.tool ?? "")), 2);
  return batches;
}

const root = path.join(tmpdir(), `gatehouse-spool-test-${uniqueSuffix()}`);
const spoolDir = async () => {
  await mkdir(root, { recursive: true });
  return mkdtemp(path.join(root, "spool-"));
};
const jsonlFiles = async (dir: string) => (await readdir(dir)).filter((name) => name.endsWith(".jsonl"));

describe("audit spool", () => {
  it("replays events in the order they were appended, in batches, then forgets them", async () => {
    const spool = await openSpool(await spoolDir());
    await spool.append([auditEvent("a"), auditEvent("b"), auditEvent("c")]);
    await spool.append([auditEvent("d")]);
    expect(spool.isEmpty).toBe(false);
    expect(await replayAll(spool)).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(spool.isEmpty).toBe(true);
    expect(await jsonlFiles(spool.dir)).toEqual([]);
  });

  it("keeps every event a failed replay did not finish, and sends it again", async () => {
    const spool = await openSpool(await spoolDir());
    await spool.append(["a", "b", "c"].map(auditEvent));
    let calls = 0;
    const failing = spool.replay(async () => {
      if (++calls === 2) throw new Error("Redis went away");
    }, 2);
    await expect(failing).rejects.toThrow("Redis went away");
    await spool.append([auditEvent("d")]);
    expect(await replayAll(spool)).toEqual([["a", "b"], ["c"], ["d"]]);
    expect(spool.isEmpty).toBe(true);
  });

  it("finds what a crashed process spooled, skipping the line its crash tore", async () => {
    const dir = await spoolDir();
    const [first, second] = [auditEvent("first"), auditEvent("second")];
    const torn = JSON.stringify(auditEvent("torn")).slice(0, 40);
    await writeFile(
      path.join(dir, "active.jsonl"),
      `${JSON.stringify(first)}\n${JSON.stringify(second)}\n${torn}`,
    );
    // A lock left by a process that no longer runs.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(path.join(dir, "proxy.lock"), String(gone));
    const { logger, lines } = capturingLogger();
    const spool = await openSpool(dir, MB, logger);
    expect(spool.isEmpty).toBe(false);
    await spool.append([auditEvent("after restart")]);
    expect(await replayAll(spool)).toEqual([["first", "second"], ["after restart"]]);
    expect(lines.map((line) => line.msg)).toContain("skipped unreadable lines in the audit spool");
  });

  it("keeps its events across a clean restart", async () => {
    const dir = await spoolDir();
    const before = await AuditSpool.open({ dir, maxBytes: MB, logger: capturingLogger().logger });
    await before.append([auditEvent("kept")]);
    await before.close();
    const after = await openSpool(dir);
    expect(await replayAll(after)).toEqual([["kept"]]);
  });

  it("drops events, loudly, beyond its size bound", async () => {
    const { logger, lines } = capturingLogger();
    const oneEvent = Buffer.byteLength(`${JSON.stringify(auditEvent("x"))}\n`);
    const spool = await openSpool(await spoolDir(), oneEvent * 2 + 10, logger);
    for (const tool of ["a", "b", "c", "d"]) await spool.append([auditEvent(tool)]);
    expect(lines.filter((line) => line.level === 50).map((line) => line.msg)).toEqual([
      expect.stringContaining("audit spool is full"),
    ]);
    expect(await replayAll(spool)).toEqual([["a", "b"]]);
    await spool.append([auditEvent("e")]);
    expect(lines.at(-1)).toMatchObject({ level: 50, lost: 2 });
  });

  it("refuses a directory another proxy is using", async () => {
    const dir = await spoolDir();
    await openSpool(dir);
    await expect(AuditSpool.open({ dir, maxBytes: MB, logger: capturingLogger().logger })).rejects.toThrow(
      /in use by another proxy/,
    );
  });
});

describe("audit sink", () => {
  it("spools without holding up while Redis hangs, and replays on the next start", async () => {
    const redis = await startRedisServer();
    const prefix = `gatehouse-spool-${uniqueSuffix()}`;
    const dir = path.join(await spoolDir(), "spool");
    await mkdir(dir);
    const { logger } = capturingLogger();
    const startSink = async () =>
      new AuditSink(
        await openAuditQueue({ redisUrl: redis.url, prefix, logger }),
        await AuditSpool.open({ dir, maxBytes: MB, logger }),
        logger,
      );
    const inspect = new Queue<AuditJob>(AUDIT_QUEUE, { connection: { url: redis.url }, prefix });
    try {
      const frozenSink = await startSink();
      redis.freeze();
      const events = ["a", "b", "c"].map(auditEvent);
      for (const event of events) frozenSink.record(event);
      const startedAtMs = Date.now();
      await frozenSink.drain();
      expect(Date.now() - startedAtMs).toBeLessThan(4_000);
      await frozenSink.close();
      expect(await jsonlFiles(dir)).not.toEqual([]);

      redis.thaw();
      const sink = await startSink();
      const replayed = await eventually(async () => {
        const jobs = await inspect.getJobs(["wait"]);
        const found = jobs.find((job) => job.data.events.length === 3);
        expect(found).toBeDefined();
        return found?.data.events ?? [];
      });
      expect(replayed.map((event) => event.id)).toEqual(events.map((event) => event.id));
      await eventually(async () => expect(await jsonlFiles(dir)).toEqual([]));
      await sink.close();
    } finally {
      await inspect.obliterate({ force: true });
      await inspect.close();
      await redis.stop();
    }
  });
});
