import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { message: 'use "true" or "false"' })
  .transform((value) => value === "true" || value === "1");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PROXY_HOST: z.string().default("127.0.0.1"),
  PROXY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/gatehouse"),
  REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
  // Separates installations (or a test run) sharing one Redis, so one's worker never takes another's jobs.
  GATEHOUSE_QUEUE_PREFIX: z
    .string()
    .regex(/^[\w-]+$/, "use letters, digits, _ or -")
    .default("gatehouse"),
  GATEHOUSE_ENCRYPTION_KEY: z
    .string()
    .min(1, "set it to 32 random bytes in base64 (openssl rand -base64 32)"),
  GATEHOUSE_ALLOW_STDIO: booleanFlag.default(false),
  GATEHOUSE_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  GATEHOUSE_GRANT_CACHE_TTL_MS: z.coerce.number().int().positive().default(60_000),
  GATEHOUSE_SESSION_IDLE_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(30 * 60_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type ProxyEnv = z.infer<typeof EnvSchema>;

/** Validates the proxy's environment; a bad value stops start-up naming the variable and what it expects. */
export function loadProxyEnv(source: Record<string, string | undefined> = process.env): ProxyEnv {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`The proxy's environment is invalid:\n${problems.join("\n")}`);
}
