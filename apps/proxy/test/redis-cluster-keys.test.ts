import { AUDIT_JOB, AUDIT_JOB_OPTIONS, AUDIT_QUEUE } from "@gatehouse/core/audit/audit-event";
import { createLoginThrottle } from "@gatehouse/core/auth/login-throttle";
import type { ResolvedLimit } from "@gatehouse/policy/evaluate-call";
import { auditEvent } from "@gatehouse/testing/audit-fixtures";
import { capturingLogger } from "@gatehouse/testing/capturing-logger";
import type { TestRedis } from "@gatehouse/testing/start-redis-server";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimiter } from "../src/limits/rate-limiter";
import { startRedisClusterNode } from "./redis-cluster-node";

// A cluster-mode node refuses a script or MULTI whose keys lie in different slots (CROSSSLOT),
// so each guarantee below fails the moment a key loses its hash tag.
let node: TestRedis;
let redis: Redis;

beforeAll(async () => {
  node = await startRedisClusterNode();
  redis = new Redis(node.url, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  redis?.disconnect();
  await node?.stop();
});

function limit(scope: ResolvedLimit["scope"], counter: string): ResolvedLimit {
  const windowStartMs = Math.floor(Date.now() / 60_000) * 60_000;
  return {
    counter,
    scope,
    max: 2,
    windowSeconds: 60,
    increment: 1,
    windowStartMs,
    windowEndMs: windowStartMs + 60_000,
    pointer: `/tools/echo/limits/${counter}`,
  };
}

describe("Redis Cluster hash tags", () => {
  it("reserves and releases one call's counters of every scope in one script", async () => {
    const limiter = new RateLimiter(redis);
    const id = uniqueSuffix();
    const scopeIds = { grant: `g-${id}`, session: `s-${id}`, server: `v-${id}`, org: `o-${id}` };
    const limits = [limit("grant", "a"), limit("session", "b"), limit("server", "c"), limit("org", "d")];
    const first = await limiter.reserve({ limits, scopeIds, nowMs: Date.now() });
    expect(first.isAllowed).toBe(true);
    if (first.isAllowed) await limiter.release(first.reservation);
    await limiter.reserve({ limits, scopeIds, nowMs: Date.now() });
    await limiter.reserve({ limits, scopeIds, nowMs: Date.now() });
    expect((await limiter.reserve({ limits, scopeIds, nowMs: Date.now() })).isAllowed).toBe(false);
  });

  it("counts a failed sign-in against the account and the address in one MULTI", async () => {
    const { logger, entries } = capturingLogger();
    const throttle = createLoginThrottle({
      redis,
      prefix: "gatehouse",
      logger,
      limits: { accountFailures: 2, ipFailures: 10, windowMs: 60_000 },
    });
    const attempt = { email: `cluster-${uniqueSuffix()}@example.com`, ip: "203.0.113.9" };
    await throttle.recordFailure(attempt);
    await throttle.recordFailure(attempt);
    expect(entries()).toEqual([]);
    expect(await throttle.check(attempt)).toMatchObject({ isAllowed: false, scope: "account" });
  });

  it("queues audit batches under a braced prefix, and not under a bare one", async () => {
    const connection = { url: node.url };
    const braced = new Queue(AUDIT_QUEUE, { connection, prefix: `{gatehouse-${uniqueSuffix()}}` });
    const bare = new Queue(AUDIT_QUEUE, { connection, prefix: `gatehouse-${uniqueSuffix()}` });
    try {
      await braced.add(AUDIT_JOB, { events: [auditEvent(null)] }, AUDIT_JOB_OPTIONS);
      expect(await braced.getJobCounts("waiting")).toEqual({ waiting: 1 });
      await expect(bare.add(AUDIT_JOB, { events: [auditEvent(null)] }, AUDIT_JOB_OPTIONS)).rejects.toThrow(
        /CROSSSLOT/,
      );
    } finally {
      await Promise.all([braced.close(), bare.close()]);
    }
  });
});
