import { AUDIT_QUEUE } from "@gatehouse/core/audit/audit-event";
import { createWorker } from "./create-worker";
import { loadWorkerEnv } from "./env";
import { startOpsServer } from "./ops/start-ops-server";
import { closeWithin } from "./shutdown/close-within";

// Long enough for running jobs (an audit batch insert, a webhook attempt) to finish.
const SHUTDOWN_DEADLINE_MS = 20_000;

const env = loadWorkerEnv();
const worker = createWorker(env);
await Promise.all([
  worker.audit.waitUntilReady(),
  worker.catalogue.waitUntilReady(),
  worker.webhooks.waitUntilReady(),
  worker.approvals.waitUntilReady(),
]);
await worker.scheduleSweeps();
const { db, logger, audit, catalogue, webhooks, approvals, retention } = worker;
const ops =
  env.WORKER_HEALTH_PORT === undefined
    ? undefined
    : await startOpsServer({
        env,
        port: env.WORKER_HEALTH_PORT,
        db,
        logger,
        workers: { audit, catalogue, webhooks, approvals, retention },
        auditQueue: AUDIT_QUEUE,
      });
worker.logger.info(
  "Gatehouse worker consuming audit events, catalogue syncs, webhook deliveries and approval sweeps",
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    closeWithin(() => Promise.all([ops?.close(), worker.close()]), SHUTDOWN_DEADLINE_MS).then(
      (outcome) => {
        if (outcome === "closed") process.exit(0);
        worker.logger.error(
          { deadlineMs: SHUTDOWN_DEADLINE_MS },
          "shutdown did not finish in time (Redis may be reconnecting); exiting anyway — unfinished jobs are retried by another worker",
        );
        process.exit(1);
      },
      (error: unknown) => {
        worker.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
