import { createWorker } from "./create-worker";
import { loadWorkerEnv } from "./env";

const worker = createWorker(loadWorkerEnv());
await Promise.all([worker.audit.waitUntilReady(), worker.catalogue.waitUntilReady()]);
await worker.scheduleSweeps();
worker.logger.info("Gatehouse worker consuming audit events and catalogue syncs");

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
