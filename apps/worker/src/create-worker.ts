import { AUDIT_QUEUE } from "@gatehouse/core/audit/audit-event";
import {
  CATALOGUE_SWEEP_JOB,
  CATALOGUE_SYNC_QUEUE,
  type CatalogueSyncJob,
} from "@gatehouse/core/catalogue/catalogue-sync-job";
import { createGrantChangeNotifier } from "@gatehouse/core/grants/grant-change-notifier";
import { createLogger } from "@gatehouse/core/logging/create-logger";
import { createSecretBox } from "@gatehouse/core/secrets/secret-box";
import { WEBHOOK_QUEUE } from "@gatehouse/core/webhooks/webhook-job";
import { createDb } from "@gatehouse/db/client";
import { type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { WorkerEnv } from "./env";
import { deliverWebhookJob } from "./jobs/deliver-webhook";
import {
  AUDIT_RETENTION_JOB,
  AUDIT_RETENTION_QUEUE,
  enforceAuditRetention,
} from "./jobs/enforce-audit-retention";
import { AUDIT_WORKER_OPTIONS, ingestAuditEvents } from "./jobs/ingest-audit-events";
import { APPROVAL_SWEEP_JOB, APPROVAL_SWEEP_QUEUE, sweepApprovals } from "./jobs/sweep-approvals";
import { sweepCatalogues } from "./jobs/sweep-catalogues";
import { syncCatalogueJob } from "./jobs/sync-catalogue";

const SWEEP_SCHEDULER_ID = "catalogue-sweep";
const APPROVAL_SWEEP_SCHEDULER_ID = "approval-sweep";
const AUDIT_RETENTION_SCHEDULER_ID = "audit-retention";
// Deliveries mostly wait on receivers' networks, so several run at once cheaply.
const WEBHOOK_CONCURRENCY = 8;

/** Starts the BullMQ consumers and the catalogue sweep schedule; `close` lets running jobs finish. */
export function createWorker(env: WorkerEnv) {
  const logger = createLogger({ name: "worker", level: env.LOG_LEVEL });
  const db = createDb(env.DATABASE_URL);
  const connection = { url: env.REDIS_URL };
  const prefix = env.GATEHOUSE_QUEUE_PREFIX;
  const publisher = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
  const syncQueue = new Queue<CatalogueSyncJob>(CATALOGUE_SYNC_QUEUE, { connection, prefix });
  const approvalSweepQueue = new Queue(APPROVAL_SWEEP_QUEUE, { connection, prefix });
  const auditRetentionQueue = new Queue(AUDIT_RETENTION_QUEUE, { connection, prefix });
  const secretBox = createSecretBox(env.GATEHOUSE_ENCRYPTION_KEY, env.GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS);
  const syncDeps = {
    db,
    logger,
    secretBox,
    notify: createGrantChangeNotifier(publisher),
    allowStdio: env.GATEHOUSE_ALLOW_STDIO,
    allowPrivateNetworks: env.GATEHOUSE_ALLOW_PRIVATE_NETWORKS,
    timeoutMs: env.GATEHOUSE_UPSTREAM_TIMEOUT_MS,
  };
  const audit = new Worker(AUDIT_QUEUE, (job) => ingestAuditEvents({ db, logger }, job), {
    connection,
    prefix,
    concurrency: env.WORKER_AUDIT_CONCURRENCY,
    ...AUDIT_WORKER_OPTIONS,
  });
  const catalogue = new Worker(
    CATALOGUE_SYNC_QUEUE,
    (job: Job) =>
      job.name === CATALOGUE_SWEEP_JOB
        ? sweepCatalogues({ db, queue: syncQueue })
        : syncCatalogueJob(syncDeps, job),
    { connection, prefix, concurrency: 2 },
  );
  const webhooks = new Worker(
    WEBHOOK_QUEUE,
    (job) =>
      deliverWebhookJob(
        {
          db,
          logger,
          secretBox,
          dashboardUrl: env.GATEHOUSE_DASHBOARD_URL,
          allowPrivateNetworks: env.GATEHOUSE_ALLOW_PRIVATE_NETWORKS,
        },
        job,
      ),
    { connection, prefix, concurrency: WEBHOOK_CONCURRENCY },
  );
  const approvals = new Worker(
    APPROVAL_SWEEP_QUEUE,
    () => sweepApprovals({ db, redis: publisher, prefix, logger }),
    { connection, prefix, concurrency: 1 },
  );
  const retention = new Worker(
    AUDIT_RETENTION_QUEUE,
    () => enforceAuditRetention({ db, logger, now: new Date() }),
    { connection, prefix, concurrency: 1 },
  );
  for (const [name, worker] of [
    ["audit", audit],
    ["catalogue", catalogue],
    ["webhooks", webhooks],
    ["approvals", approvals],
    ["retention", retention],
  ] as const) {
    worker.on("failed", (job, error) => {
      logger.error({ err: error, queue: name, jobId: job?.id, attempts: job?.attemptsMade }, "job failed");
    });
    worker.on("error", (error) => logger.error({ err: error, queue: name }, "worker error"));
  }

  /**
   * Re-reads every connected server's tools, ends approval requests whose proxy stopped and
   * deletes expired audit events, on fixed schedules (one scheduler each however many workers run).
   */
  async function scheduleSweeps(): Promise<void> {
    const opts = { removeOnComplete: true, removeOnFail: 10 };
    await syncQueue.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: env.GATEHOUSE_CATALOGUE_SYNC_MINUTES * 60_000 },
      { name: CATALOGUE_SWEEP_JOB, opts },
    );
    await approvalSweepQueue.upsertJobScheduler(
      APPROVAL_SWEEP_SCHEDULER_ID,
      { every: env.GATEHOUSE_APPROVAL_SWEEP_SECONDS * 1000 },
      { name: APPROVAL_SWEEP_JOB, opts },
    );
    await auditRetentionQueue.upsertJobScheduler(
      AUDIT_RETENTION_SCHEDULER_ID,
      { every: env.GATEHOUSE_AUDIT_RETENTION_MINUTES * 60_000 },
      { name: AUDIT_RETENTION_JOB, opts },
    );
  }

  async function close(): Promise<void> {
    await Promise.all([
      audit.close(),
      catalogue.close(),
      webhooks.close(),
      approvals.close(),
      retention.close(),
    ]);
    await Promise.all([syncQueue.close(), approvalSweepQueue.close(), auditRetentionQueue.close()]);
    publisher.disconnect();
    await db.$disconnect();
  }

  return { db, audit, catalogue, webhooks, approvals, retention, syncQueue, logger, scheduleSweeps, close };
}
