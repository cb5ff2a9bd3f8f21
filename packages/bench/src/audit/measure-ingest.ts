import { randomUUID } from "node:crypto";
import {
  AUDIT_JOB,
  AUDIT_JOB_ATTEMPTS,
  AUDIT_JOB_BACKOFF_MS,
  AUDIT_QUEUE,
  type AuditEvent,
  type AuditJob,
} from "@gatehouse/core/audit/audit-event";
import type { Db } from "@gatehouse/db/client";
import { Queue } from "bullmq";
import { AUDIT_BENCH_QUEUE_PREFIX, BENCH_REDIS_URL } from "../bench-env";
import { step } from "../progress";
import { clearQueuePrefix } from "../services/bench-stores";
import type { ChildService } from "../services/child-service";
import { benchGrantId, benchToolName, INGEST_ORG_ID } from "./seed-shape";
import { startAuditWorker } from "./start-audit-worker";

const WARMUP_JOBS = 2;
const POLL_INTERVAL_MS = 200;
// Generous: a run far below target should still finish and report how slow it was.
const MIN_EVENTS_PER_SECOND = 200;

export type IngestResult = {
  events: number;
  batchSize: number;
  workerConcurrency: number;
  /** First job added → last job accepted by Redis. */
  enqueueSeconds: number;
  /** First job added → every event counted in Postgres. */
  totalSeconds: number;
  eventsPerSecond: number;
  /** Rate while the worker was busy: between 10 % and 90 % of the events stored. */
  sustainedEventsPerSecond: number;
};

/**
 * Sends `events` audit events through BullMQ in jobs of `batchSize`, added as the proxy's AuditSink
 * adds them, to the real worker, and times them into Postgres. The events go to an organisation
 * of their own and are deleted afterwards.
 */
export async function measureIngest(options: {
  db: Db;
  events: number;
  batchSize: number;
  workerConcurrency: number;
}): Promise<IngestResult> {
  const { db, events, batchSize } = options;
  await clearQueuePrefix(AUDIT_BENCH_QUEUE_PREFIX);
  const queue = new Queue<AuditJob>(AUDIT_QUEUE, {
    connection: { url: BENCH_REDIS_URL },
    prefix: AUDIT_BENCH_QUEUE_PREFIX,
  });
  const worker = await startAuditWorker({ concurrency: options.workerConcurrency });
  const stored = () => db.auditEvent.count({ where: { orgId: INGEST_ORG_ID } });
  try {
    step("ingest: warming up the worker");
    for (let job = 0; job < WARMUP_JOBS; job++) await addJob(queue, batchSize);
    await waitForCount({ count: stored, target: WARMUP_JOBS * batchSize, worker, events: batchSize });
    step(`ingest: ${events.toLocaleString("en")} events in jobs of ${batchSize}`);
    const before = await stored();
    const startedMs = performance.now();
    const enqueued = (async () => {
      for (let sent = 0; sent < events; sent += batchSize)
        await addJob(queue, Math.min(batchSize, events - sent));
      return (performance.now() - startedMs) / 1000;
    })();
    const samples = await waitForCount({ count: stored, target: before + events, worker, events });
    const totalSeconds = (performance.now() - startedMs) / 1000;
    return {
      events,
      batchSize,
      workerConcurrency: options.workerConcurrency,
      enqueueSeconds: await enqueued,
      totalSeconds,
      eventsPerSecond: events / totalSeconds,
      sustainedEventsPerSecond: sustainedRate(samples, before, events),
    };
  } finally {
    await queue.close();
    await worker.stop();
    await db.auditEvent.deleteMany({ where: { orgId: INGEST_ORG_ID } });
    // Frees the deleted rows' space now rather than when autovacuum gets to it, so each run
    // inserts into the table as seeded, not one growing with every run.
    await db.$executeRawUnsafe(`VACUUM "AuditEvent"`);
  }
}

/** Adds one job exactly as apps/proxy/src/audit/audit-sink.ts does. */
async function addJob(queue: Queue<AuditJob>, size: number): Promise<void> {
  const events = Array.from({ length: size }, makeEvent);
  await queue.add(
    AUDIT_JOB,
    { events },
    {
      attempts: AUDIT_JOB_ATTEMPTS,
      backoff: { type: "exponential", delay: AUDIT_JOB_BACKOFF_MS },
      removeOnComplete: true,
      removeOnFail: false,
    },
  );
}

function makeEvent(_: unknown, index: number): AuditEvent {
  return {
    id: randomUUID(),
    orgId: INGEST_ORG_ID,
    grantId: benchGrantId(INGEST_ORG_ID, index % 20),
    serverId: `${INGEST_ORG_ID}-server-${index % 5}`,
    occurredAt: new Date().toISOString(),
    method: "tools/call",
    tool: benchToolName(index % 75),
    decision: index % 16 === 0 ? "deny" : "allow",
    isShadow: false,
    rule: "(default allow)",
    policyId: `${INGEST_ORG_ID}-policy-${index % 20}`,
    policyVersion: 1,
    reason: null,
    upstreamStatus: "ok",
    upstreamError: null,
    latencyMs: 5 + (index % 400),
    sessionId: `${INGEST_ORG_ID}-session-${Math.floor(index / 40)}`,
    argumentKeys: ["query", "limit"],
  };
}

type Sample = { ms: number; count: number };

/** Polls the stored count until it reaches `target`; fails if the worker dies or stalls. */
async function waitForCount(options: {
  count: () => Promise<number>;
  target: number;
  worker: ChildService;
  events: number;
}): Promise<Sample[]> {
  const timeoutMs = 30_000 + (options.events / MIN_EVENTS_PER_SECOND) * 1000;
  const startedMs = performance.now();
  const samples: Sample[] = [];
  for (;;) {
    const sample = { ms: performance.now(), count: await options.count() };
    samples.push(sample);
    if (sample.count >= options.target) return samples;
    if (options.worker.child.exitCode !== null)
      throw new Error(`The worker exited with ${options.worker.child.exitCode}:\n${options.worker.logs()}`);
    if (sample.ms - startedMs > timeoutMs)
      throw new Error(
        `Only ${sample.count} of ${options.target} audit events were stored after ${Math.round(timeoutMs / 1000)} s:\n${options.worker.logs()}`,
      );
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Events per second between the first samples at or past 10 % and 90 % of the run's events. */
function sustainedRate(samples: Sample[], before: number, events: number): number {
  const at = (fraction: number) => samples.find((sample) => sample.count - before >= fraction * events);
  const from = at(0.1);
  const to = at(0.9);
  if (!from || !to || to.ms <= from.ms) return Number.NaN;
  return ((to.count - from.count) * 1000) / (to.ms - from.ms);
}
