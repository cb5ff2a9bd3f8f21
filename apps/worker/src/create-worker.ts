import { AUDIT_QUEUE } from "@gatehouse/core/audit/audit-event";
import { createLogger } from "@gatehouse/core/logging/create-logger";
import { createDb } from "@gatehouse/db/client";
import { Worker } from "bullmq";
import type { WorkerEnv } from "./env";
import { ingestAuditEvents } from "./jobs/ingest-audit-events";

/** Starts the BullMQ consumers; `close` lets running jobs finish, then releases connections. */
export function createWorker(env: WorkerEnv) {
  const logger = createLogger({ name: "worker", level: env.LOG_LEVEL });
  const db = createDb(env.DATABASE_URL);
  const audit = new Worker(AUDIT_QUEUE, (job) => ingestAuditEvents({ db, logger }, job), {
    connection: { url: env.REDIS_URL },
    prefix: env.GATEHOUSE_QUEUE_PREFIX,
    concurrency: env.WORKER_AUDIT_CONCURRENCY,
  });
  audit.on("failed", (job, error) => {
    logger.error({ err: error, jobId: job?.id, attempts: job?.attemptsMade }, "audit batch failed");
  });
  audit.on("error", (error) => logger.error({ err: error }, "audit worker error"));

  async function close(): Promise<void> {
    await audit.close();
    await db.$disconnect();
  }

  return { audit, logger, close };
}
