import { createWorker } from "./create-worker";
import { loadWorkerEnv } from "./env";

const worker = createWorker(loadWorkerEnv());
await worker.audit.waitUntilReady();
worker.logger.info("Gatehouse worker consuming audit events");

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
