import { createLoginThrottle, type LoginThrottleLimits } from "@gatehouse/core/auth/login-throttle";
import { createLogger } from "@gatehouse/core/logging/create-logger";
import { TEST_REDIS_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";

const redis = new Redis(TEST_REDIS_URL);
afterAll(() => redis.quit());
const logger = createLogger({ name: "login-throttle-test", level: "silent" });

// Each test counts under its own prefix, so runs and tests never see each other's failures.
function throttle(limits: LoginThrottleLimits = { accountFailures: 5, ipFailures: 20, windowMs: 60_000 }) {
  return createLoginThrottle({ redis, prefix: `gatehouse-test-${uniqueSuffix()}`, logger, limits });
}

async function fail(
  limiter: ReturnType<typeof throttle>,
  attempt: { email: string; ip?: string },
  times: number,
) {
  for (let i = 0; i < times; i++) await limiter.recordFailure(attempt);
}

describe("login throttle", () => {
  it("locks an account after 5 failures while another account from the same IP signs in until the IP limit", async () => {
    const limiter = throttle();
    const ip = "203.0.113.7";
    await fail(limiter, { email: "ada@example.test", ip }, 4);
    expect(await limiter.check({ email: "ada@example.test", ip })).toEqual({ isAllowed: true });
    await fail(limiter, { email: "ada@example.test", ip }, 1);
    // The same account is refused whatever case or address it arrives with.
    const locked = await limiter.check({ email: " ADA@example.test", ip: "198.51.100.1" });
    expect(locked).toMatchObject({ isAllowed: false, scope: "account" });
    expect(locked.isAllowed || locked.retryAfterMs).toBeGreaterThan(55_000);

    expect(await limiter.check({ email: "grace@example.test", ip })).toEqual({ isAllowed: true });
    for (let i = 0; i < 3; i++) await fail(limiter, { email: `user${i}@example.test`, ip }, 5);
    expect(await limiter.check({ email: "grace@example.test", ip })).toMatchObject({
      isAllowed: false,
      scope: "ip",
    });
    expect(await limiter.check({ email: "grace@example.test", ip: "198.51.100.1" })).toEqual({
      isAllowed: true,
    });
  });

  it("forgets an account's failures after a correct password", async () => {
    const limiter = throttle();
    const attempt = { email: "ada@example.test" };
    await fail(limiter, attempt, 4);
    await limiter.recordSuccess(attempt);
    await fail(limiter, attempt, 4);
    expect(await limiter.check(attempt)).toEqual({ isAllowed: true });
    await fail(limiter, attempt, 1);
    expect(await limiter.check(attempt)).toMatchObject({ isAllowed: false });
  });

  it("lets the account in again once the window has passed", async () => {
    const limiter = throttle({ accountFailures: 2, ipFailures: 20, windowMs: 300 });
    const attempt = { email: "ada@example.test", ip: "203.0.113.8" };
    await fail(limiter, attempt, 2);
    expect(await limiter.check(attempt)).toMatchObject({ isAllowed: false, scope: "account" });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await limiter.check(attempt)).toEqual({ isAllowed: true });
  });

  it("fails open when Redis is unreachable, logging a warning", async () => {
    const down = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    // The services log connection errors; here they are expected, so they are swallowed.
    down.on("error", () => {});
    const warnings: string[] = [];
    const recording = pino({ level: "warn" }, { write: (line: string) => warnings.push(line) });
    const limiter = createLoginThrottle({ redis: down, prefix: "gatehouse-test-down", logger: recording });
    await limiter.recordFailure({ email: "ada@example.test" });
    expect(await limiter.check({ email: "ada@example.test" })).toEqual({ isAllowed: true });
    expect(warnings.join("")).toContain("login throttle unavailable, allowing sign-in without it");
    down.disconnect();
  });
});
