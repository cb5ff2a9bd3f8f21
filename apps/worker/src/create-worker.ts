import { AUDIT_QUEUE } from "@gatehouse/core/audit/audit-event";
import {
  CATALOGUE_SWEEP_JOB,
  CATALOGUE_SYNC_QUEUE,
  type CatalogueSyncJob,
} from "@gatehouse/core/catalogue/catalogue-sync-job";
import { createGrantChangeNotifier } from "@gatehouse/core/grants/grant-change-notifier";
import { createLogger } from "@gatehouse/core/logging/create-logger";
import { createSecretBox } from "@gatehouse/core/secrets/secret-box";
import { createDb } from "@gatehouse/db/client";
import { type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { WorkerEnv } from "./env";
import { ingestAuditEvents } from "./jobs/ingest-audit-events";
import { sweepCatalogues } from "./jobs/sweep-catalogues";
import { syncCatalogueJob } from "./jobs/sync-catalogue";

const SWEEP_SCHEDULER_ID = "catalogue-sweep";

/** Starts the BullMQ consumers and the catalogue sweep schedule; `close` lets running jobs finish. */
export function createWorker(env: WorkerEnv) {
  const logger = createLogger({ name: "worker", level: env.LOG_LEVEL });
  const db = createDb(env.DATABASE_URL);
  const connection = { url: env.REDIS_URL };
  const prefix = env.GATEHOUSE_QUEUE_PREFIX;
  const publisher = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
  const syncQueue = new Queue<CatalogueSyncJob>(CATALOGUE_SYNC_QUEUE, { connection, prefix });
  const syncDeps = {
    db,
    logger,
    secretBox: createSecretBox(env.GATEHOUSE_ENCRYPTION_KEY),
    notify: createGrantChangeNotifier(publisher),
    allowStdio: env.GATEHOUSE_ALLOW_STDIO,
    timeoutMs: env.GATEHOUSE_UPSTREAM_TIMEOUT_MS,
  };
  const audit = new Worker(AUDIT_QUEUE, (job) => ingestAuditEvents({ db, logger }, job), {
    connection,
    prefix,
    concurrency: env.WORKER_AUDIT_CONCURRENCY,
  });
  const catalogue = new Worker(
    CATALOGUE_SYNC_QUEUE,
    (job: Job) =>
      job.name === CATALOGUE_SWEEP_JOB
        ? sweepCatalogues({ db, queue: syncQueue })
        : syncCatalogueJob(syncDeps, job),
    { connection, prefix, concurrency: 2 },
  );
  for (const [name, worker] of [
    ["audit", audit],
    ["catalogue", catalogue],
  ] as const) {
    worker.on("failed", (job, error) => {
      logger.error({ err: error, queue: name, jobId: job?.id, attempts: job?.attemptsMade }, "job failed");
    });
    worker.on("error", (error) => logger.error({ err: error, queue: name }, "worker error"));
  }

  /** Re-reads every connected server's tools on a fixed schedule (one scheduler however many workers run). */
  async function scheduleSweeps(): Promise<void> {
    await syncQueue.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: env.GATEHOUSE_CATALOGUE_SYNC_MINUTES * 60_000 },
      { name: CATALOGUE_SWEEP_JOB, opts: { removeOnComplete: true, removeOnFail: 10 } },
    );
  }

  async function close(): Promise<void> {
    await Promise.all([audit.close(), catalogue.close()]);
    await syncQueue.close();
    publisher.disconnect();
    await db.$disconnect();
  }

  return { audit, catalogue, syncQueue, logger, scheduleSweeps, close };
}
