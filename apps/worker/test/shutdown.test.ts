import { startRedisServer } from "@gatehouse/testing/start-redis-server";
import { TEST_DATABASE_URL, TEST_ENCRYPTION_KEY, uniqueSuffix } from "@gatehouse/testing/test-env";
import { describe, expect, it } from "vitest";
import { createWorker } from "../src/create-worker";
import { loadWorkerEnv } from "../src/env";
import { closeWithin } from "../src/shutdown/close-within";

describe("worker shutdown", () => {
  it("gives up at its deadline when asked to stop while Redis is reconnecting, instead of hanging", async () => {
    const redis = await startRedisServer();
    const worker = createWorker(
      loadWorkerEnv({
        DATABASE_URL: TEST_DATABASE_URL,
        REDIS_URL: redis.url,
        GATEHOUSE_QUEUE_PREFIX: `gatehouse-shutdown-${uniqueSuffix()}`,
        GATEHOUSE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
        LOG_LEVEL: "silent",
      }),
    );
    try {
      await Promise.all([worker.audit.waitUntilReady(), worker.catalogue.waitUntilReady()]);
      await redis.crash();
      await redis.restart();
      const startedAtMs = Date.now();
      expect(await closeWithin(() => worker.close(), 1500)).toBe("timed_out");
      expect(Date.now() - startedAtMs).toBeLessThan(5000);
    } finally {
      await redis.stop();
    }
  });

  it("closes normally when nothing is in the way", async () => {
    expect(await closeWithin(async () => undefined, 1000)).toBe("closed");
  });
});
