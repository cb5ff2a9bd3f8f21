import { TEST_DATABASE_URL, TEST_ENCRYPTION_KEY, TEST_REDIS_URL } from "@gatehouse/testing/test-env";
import { createWorker } from "../src/create-worker";
import { loadWorkerEnv } from "../src/env";

/** A worker on the test database and Redis, consuming only the queues of `prefix` (each test file has its own). */
export function createTestWorker(options: {
  prefix: string;
  databaseUrl?: string;
  env?: Record<string, string>;
}) {
  return createWorker(
    loadWorkerEnv({
      DATABASE_URL: options.databaseUrl ?? TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      GATEHOUSE_QUEUE_PREFIX: options.prefix,
      GATEHOUSE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      LOG_LEVEL: "silent",
      // Test upstreams and webhook receivers listen on 127.0.0.1.
      GATEHOUSE_ALLOW_PRIVATE_NETWORKS: "true",
      ...options.env,
    }),
  );
}
