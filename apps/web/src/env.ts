import { envFields } from "@gatehouse/core/config/env-fields";
import {
  addRepeatedKeyIssue,
  encryptionKeyField,
  previousEncryptionKeysField,
} from "@gatehouse/core/secrets/encryption-key-env";
import { z } from "zod";

// Development-only fallbacks so `next dev` works out of the box. They are public,
// so production refuses to start without real values.
const DEV_NEXTAUTH_SECRET = "gatehouse-development-secret-do-not-use-in-production";
// Base64 of the 32 ASCII bytes "gatehouse-development-key-32byte".
const DEV_ENCRYPTION_KEY = "Z2F0ZWhvdXNlLWRldmVsb3BtZW50LWtleS0zMmJ5dGU=";

const booleanString = z
  .enum(["true", "false"], { error: 'Use "true" or "false".' })
  .default("false")
  .transform((value) => value === "true");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .url("Use a PostgreSQL connection URL, e.g. postgresql://user@host:5432/gatehouse.")
    .default("postgresql://postgres@127.0.0.1:5432/gatehouse"),
  REDIS_URL: z.url("Use a Redis URL, e.g. redis://127.0.0.1:6379.").default("redis://127.0.0.1:6379"),
  NEXTAUTH_SECRET: z
    .string()
    .min(32, "Use at least 32 random characters (openssl rand -base64 32).")
    .optional(),
  NEXTAUTH_URL: z.url("Use the dashboard's public URL, e.g. https://gatehouse.example.com.").optional(),
  GATEHOUSE_ENCRYPTION_KEY: encryptionKeyField.optional(),
  GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: previousEncryptionKeysField,
  GATEHOUSE_ALLOW_STDIO: booleanString,
  // Upstreams and webhooks on private or loopback addresses; link-local (cloud metadata) never.
  GATEHOUSE_ALLOW_PRIVATE_NETWORKS: booleanString,
  GATEHOUSE_PROXY_PUBLIC_URL: z
    .url("Use the proxy's public URL, e.g. https://mcp.example.com.")
    .default("http://127.0.0.1:4000"),
  GATEHOUSE_UPSTREAM_TIMEOUT_MS: z.coerce
    .number("Use a number of milliseconds.")
    .int("Use a whole number of milliseconds.")
    .positive("Use a positive number of milliseconds.")
    .default(15_000),
  // The same prefix as the proxy's and worker's, so the worker takes the jobs the dashboard queues.
  GATEHOUSE_QUEUE_PREFIX: envFields.GATEHOUSE_QUEUE_PREFIX,
  // Behind a reverse proxy, sign-in throttling counts per client IP from X-Forwarded-For.
  GATEHOUSE_TRUST_PROXY: booleanString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Sign-in through GitHub or Google is offered only when its OAuth app's id and secret are both set.
  GITHUB_CLIENT_ID: z.string().optional(),
  GITHUB_CLIENT_SECRET: z.string().optional(),
  // GitHub Enterprise Server's address; its API is then at <GITHUB_URL>/api/v3.
  GITHUB_URL: z
    .url(
      "Use https://github.com or your GitHub Enterprise Server's address, e.g. https://github.example.com.",
    )
    .default("https://github.com")
    .transform((url) => url.replace(/\/+$/, "")),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
});

const OAUTH_CLIENT_PAIRS = [
  ["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET"],
  ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
] as const;

const CheckedEnvSchema = EnvSchema.superRefine((env, context) => {
  // Half an OAuth app is a mistake worth failing on, not a silently missing sign-in button.
  for (const [id, secret] of OAUTH_CLIENT_PAIRS) {
    if (Boolean(env[id]) !== Boolean(env[secret])) {
      const missing = env[id] ? secret : id;
      context.addIssue({
        code: "custom",
        path: [missing],
        message: `Set both ${id} and ${secret}, or neither.`,
      });
    }
  }
  // A key listed twice is checked across variables, after the development fallback applies.
  addRepeatedKeyIssue(
    env.GATEHOUSE_ENCRYPTION_KEY ?? DEV_ENCRYPTION_KEY,
    env.GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS,
    context,
  );
});

export type Env = Omit<z.output<typeof EnvSchema>, "NEXTAUTH_SECRET" | "GATEHOUSE_ENCRYPTION_KEY"> & {
  NEXTAUTH_SECRET: string;
  GATEHOUSE_ENCRYPTION_KEY: string;
};

const REQUIRED_IN_PRODUCTION = {
  NEXTAUTH_SECRET: "a random secret of at least 32 characters that signs session cookies",
  GATEHOUSE_ENCRYPTION_KEY: "32 random bytes as base64 that encrypt upstream headers and env values",
} as const;

let cached: Env | undefined;

/**
 * The validated environment, read once per process on first use (not at import,
 * so `next build` never needs runtime secrets). Throws naming each bad variable.
 */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Validates an environment; exported so tests can check each rule without touching process.env. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = CheckedEnvSchema.safeParse(withoutEmptyStrings(source));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment for the Gatehouse dashboard:\n${problems.join("\n")}`);
  }
  const env = result.data;
  // `next build` runs with NODE_ENV=production but serves nobody, so it may use the fallbacks.
  const isServing = env.NODE_ENV === "production" && source.NEXT_PHASE !== "phase-production-build";
  if (isServing) {
    const missing = Object.entries(REQUIRED_IN_PRODUCTION).filter(([name]) => !env[name as keyof typeof env]);
    if (missing.length) {
      const lines = missing.map(([name, what]) => `  ${name}: required in production; set it to ${what}.`);
      throw new Error(`Invalid environment for the Gatehouse dashboard:\n${lines.join("\n")}`);
    }
  }
  return {
    ...env,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? DEV_NEXTAUTH_SECRET,
    GATEHOUSE_ENCRYPTION_KEY: env.GATEHOUSE_ENCRYPTION_KEY ?? DEV_ENCRYPTION_KEY,
  };
}

// An exported-but-empty variable (FOO=) means "not set", so defaults still apply.
function withoutEmptyStrings(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "",
    ),
  );
}
