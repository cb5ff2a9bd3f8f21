import {
  AUDIT_BENCH_DATABASE_URL,
  AUDIT_BENCH_QUEUE_PREFIX,
  BENCH_ENCRYPTION_KEY,
  BENCH_REDIS_URL,
} from "../bench-env";
import { type ChildService, spawnNode } from "../services/child-service";
import { REPO_ROOT } from "../services/paths";

/** Starts the built worker bundle as `npm start` would, on the audit benchmark's database and queue prefix. */
export function startAuditWorker(options: { concurrency: number }): Promise<ChildService> {
  return spawnNode("worker", ["apps/worker/dist/main.js"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: AUDIT_BENCH_DATABASE_URL,
      REDIS_URL: BENCH_REDIS_URL,
      GATEHOUSE_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
      GATEHOUSE_QUEUE_PREFIX: AUDIT_BENCH_QUEUE_PREFIX,
      WORKER_AUDIT_CONCURRENCY: String(options.concurrency),
      LOG_LEVEL: "warn",
    },
  });
}
