import { AUDIT_QUEUE } from "@gatehouse/core/audit/audit-event";
import { createWorker } from "./create-worker";
import { loadWorkerEnv } from "./env";
import { startOpsServer } from "./ops/start-ops-server";

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
    Promise.all([ops?.close(), worker.close()]).then(
      () => process.exit(0),
      (error: unknown) => {
        worker.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
