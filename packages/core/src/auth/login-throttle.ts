import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "../logging/create-logger";

/**
 * Failed sign-ins allowed per window. Five per account stops password guessing against one
 * person while forgiving typos; twenty per IP stops one client spraying many accounts, yet
 * leaves room for an office behind one address.
 */
export const LOGIN_THROTTLE_LIMITS = {
  accountFailures: 5,
  ipFailures: 20,
  windowMs: 15 * 60_000,
} as const;

export type LoginThrottleLimits = { accountFailures: number; ipFailures: number; windowMs: number };

/** Who is signing in: the email as typed and, when known, the client's IP address. */
export type LoginAttempt = { email: string; ip?: string | undefined };

/** Whether a sign-in may be checked at all, and if not, for how long it stays refused. */
export type LoginThrottleDecision =
  | { isAllowed: true }
  | { isAllowed: false; scope: "account" | "ip"; retryAfterMs: number };

type Counter = { scope: "account" | "ip"; key: string; max: number };

export type LoginThrottle = {
  /** Decides before the password is verified, so a refused attempt never costs a bcrypt check. */
  check(attempt: LoginAttempt): Promise<LoginThrottleDecision>;
  /** Counts a wrong email or password against the account and the IP. */
  recordFailure(attempt: LoginAttempt): Promise<void>;
  /** Forgets the account's failures after a correct password; the IP's count stays. */
  recordSuccess(attempt: LoginAttempt): Promise<void>;
};

/** A fixed-window limiter for failed sign-ins, counted in Redis under `prefix`. */
export function createLoginThrottle(options: {
  redis: Redis;
  prefix: string;
  logger: Logger;
  limits?: LoginThrottleLimits;
}): LoginThrottle {
  const { redis, logger } = options;
  const limits = options.limits ?? LOGIN_THROTTLE_LIMITS;
  // One MULTI counts a failure against both keys, so they share a hash tag (one Redis Cluster
  // slot); with a braced GATEHOUSE_QUEUE_PREFIX that tag comes first and wins, to the same effect.
  const counters = (attempt: LoginAttempt): Counter[] => {
    // Hashed so Redis holds no email addresses.
    const account = createHash("sha256").update(attempt.email.trim().toLowerCase()).digest("hex");
    const keys: Counter[] = [
      {
        scope: "account",
        key: `${options.prefix}:{login-failures}:account:${account}`,
        max: limits.accountFailures,
      },
    ];
    if (attempt.ip)
      keys.push({
        scope: "ip",
        key: `${options.prefix}:{login-failures}:ip:${attempt.ip}`,
        max: limits.ipFailures,
      });
    return keys;
  };

  // Sign-in fails open when Redis is unreachable: locking every user out during a Redis
  // outage is worse than briefly losing the brute-force limit, and bcrypt still slows guessing.
  async function failOpen<T>(what: string, fallback: T, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      logger.warn({ err: error }, `login throttle unavailable, ${what} without it`);
      return fallback;
    }
  }

  return {
    check: (attempt) =>
      failOpen("allowing sign-in", { isAllowed: true } as LoginThrottleDecision, async () => {
        for (const { scope, key, max } of counters(attempt)) {
          const [count, ttlMs] = await Promise.all([redis.get(key), redis.pttl(key)]);
          if (Number(count) >= max) return { isAllowed: false, scope, retryAfterMs: Math.max(ttlMs, 0) };
        }
        return { isAllowed: true };
      }),
    recordFailure: (attempt) =>
      failOpen("not counting a failure", undefined, async () => {
        const transaction = redis.multi();
        // NX starts the window at the first failure; later failures do not extend it.
        for (const { key } of counters(attempt)) transaction.incr(key).pexpire(key, limits.windowMs, "NX");
        await transaction.exec();
      }),
    recordSuccess: (attempt) =>
      failOpen("not resetting failures", undefined, async () => {
        const [account] = counters(attempt);
        if (account) await redis.del(account.key);
      }),
  };
}
