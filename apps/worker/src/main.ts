import { createWorker } from "./create-worker";
import { loadWorkerEnv } from "./env";

const worker = createWorker(loadWorkerEnv());
await Promise.all([
  worker.audit.waitUntilReady(),
  worker.catalogue.waitUntilReady(),
  worker.webhooks.waitUntilReady(),
  worker.approvals.waitUntilReady(),
]);
await worker.scheduleSweeps();
worker.logger.info(
  "Gatehouse worker consuming audit events, catalogue syncs, webhook deliveries and approval sweeps",
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    worker.close().then(
      () => process.exit(0),
      (error: unknown) => {
        worker.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
