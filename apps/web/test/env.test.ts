import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";

const KEY = Buffer.alloc(32, 7).toString("base64");
const SECRET = "s".repeat(32);

describe("parseEnv", () => {
  it("fills development defaults for everything optional", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env).toMatchObject({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/gatehouse",
      REDIS_URL: "redis://127.0.0.1:6379",
      GATEHOUSE_ALLOW_STDIO: false,
      GATEHOUSE_PROXY_PUBLIC_URL: "http://127.0.0.1:4000",
      GATEHOUSE_UPSTREAM_TIMEOUT_MS: 15_000,
      GATEHOUSE_QUEUE_PREFIX: "gatehouse",
      LOG_LEVEL: "info",
    });
    expect(Buffer.from(env.GATEHOUSE_ENCRYPTION_KEY, "base64")).toHaveLength(32);
  });

  it.each([
    [
      { NODE_ENV: "production" },
      /NEXTAUTH_SECRET: required in production[\s\S]*GATEHOUSE_ENCRYPTION_KEY: required/,
    ],
    [{ GATEHOUSE_ALLOW_STDIO: "yes" }, /GATEHOUSE_ALLOW_STDIO: Use "true" or "false"/],
    [{ GATEHOUSE_ENCRYPTION_KEY: "c2hvcnQ=" }, /GATEHOUSE_ENCRYPTION_KEY: Use 32 random bytes/],
    [{ GATEHOUSE_UPSTREAM_TIMEOUT_MS: "soon" }, /GATEHOUSE_UPSTREAM_TIMEOUT_MS: Use a number/],
    [{ DATABASE_URL: "not a url" }, /DATABASE_URL: Use a PostgreSQL connection URL/],
    [{ GATEHOUSE_QUEUE_PREFIX: "team a" }, /GATEHOUSE_QUEUE_PREFIX: use letters, digits, _ or -/],
  ])("rejects %o naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("accepts production with its secrets, and `next build` without them", () => {
    const env = parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, GATEHOUSE_ENCRYPTION_KEY: KEY });
    expect(env.GATEHOUSE_ENCRYPTION_KEY).toBe(KEY);
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });

  it("treats an empty variable as unset and parses flags", () => {
    const env = parseEnv({
      REDIS_URL: "",
      GATEHOUSE_ALLOW_STDIO: "true",
      GATEHOUSE_UPSTREAM_TIMEOUT_MS: "500",
    });
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.GATEHOUSE_ALLOW_STDIO).toBe(true);
    expect(env.GATEHOUSE_UPSTREAM_TIMEOUT_MS).toBe(500);
  });

  it("reads previous encryption keys as a list, decrypt-only beside the current key", () => {
    const previous = Buffer.alloc(32, 8).toString("base64");
    const env = parseEnv({
      GATEHOUSE_ENCRYPTION_KEY: KEY,
      GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: ` ${previous}, `,
    });
    expect(env.GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS).toEqual([previous]);
    expect(parseEnv({}).GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS).toEqual([]);
  });

  it.each([
    [
      { GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: `${KEY},c2hvcnQ=` },
      /GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: Key 2 is not 32/,
    ],
    [
      { GATEHOUSE_ENCRYPTION_KEY: KEY, GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: KEY },
      /GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: It lists the current key/,
    ],
    [
      { GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: `${KEY},${KEY.replace(/=$/, "")}` },
      /GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: It lists the same key twice/,
    ],
  ])("rejects previous keys %o naming the variable, never the key", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
    expect(() => parseEnv(source)).not.toThrow(KEY);
  });
});
