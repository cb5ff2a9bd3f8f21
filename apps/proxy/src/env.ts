import { booleanFlag, envFields, parseEnv } from "@gatehouse/core/config/env-fields";
import { metricsTokenField } from "@gatehouse/core/ops/ops-env";
import {
  addRepeatedKeyIssue,
  encryptionKeyField,
  previousEncryptionKeysField,
} from "@gatehouse/core/secrets/encryption-key-env";
import { stdioLifecycleFields } from "@gatehouse/core/upstream/stdio-lifecycle-env";
import { MAX_APPROVAL_TIMEOUT_SECONDS } from "@gatehouse/policy/approval-schema";
import { z } from "zod";
import { allowedOriginsField } from "./http/check-request-origin";
import { checkHttpLimits, httpLimitFields } from "./http/http-limits";

// Fractions are allowed so tests can poll and report progress quickly.
const intervalSeconds = z.coerce.number().min(0.1).max(3600);

const EnvSchema = z
  .object({
    ...envFields,
    PROXY_HOST: z.string().default("127.0.0.1"),
    PROXY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    // Where the other proxies reach this one to relay requests for the sessions it holds; by
    // default http://<PROXY_HOST>:<the port it listens on> (see defaultInternalUrl).
    GATEHOUSE_PROXY_INTERNAL_URL: z
      .string()
      .url()
      .refine((url) => url.startsWith("http://"), "an http:// URL on the proxies' private network")
      .optional(),
    GATEHOUSE_ENCRYPTION_KEY: encryptionKeyField,
    GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: previousEncryptionKeysField,
    GATEHOUSE_ALLOW_STDIO: booleanFlag.default(false),
    ...stdioLifecycleFields,
    // Upstreams (and webhooks) on private or loopback addresses; link-local (cloud metadata) never.
    GATEHOUSE_ALLOW_PRIVATE_NETWORKS: booleanFlag.default(false),
    // Only behind a reverse proxy that sets X-Forwarded-For may the header name the client's address.
    GATEHOUSE_TRUST_PROXY: booleanFlag.default(false),
    GATEHOUSE_PROXY_ALLOWED_ORIGINS: allowedOriginsField,
    GATEHOUSE_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    GATEHOUSE_GRANT_CACHE_TTL_MS: z.coerce.number().int().positive().default(60_000),
    GATEHOUSE_SESSION_IDLE_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(30 * 60_000),
    // What one Streamable HTTP session keeps of its SSE messages for agents resuming with
    // Last-Event-ID: enough for a dropped stream's missed events, and a busy session's buffer
    // fills to it, so 1,000 sessions hold at most 128 MiB of replay.
    GATEHOUSE_SESSION_REPLAY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(128 * 1024),
    // A policy's approval.timeout is capped to the maximum; calls without one wait the default.
    GATEHOUSE_APPROVAL_DEFAULT_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(600),
    GATEHOUSE_APPROVAL_MAX_TIMEOUT_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .max(MAX_APPROVAL_TIMEOUT_SECONDS)
      .default(3600),
    GATEHOUSE_APPROVAL_PROGRESS_SECONDS: intervalSeconds.default(10),
    GATEHOUSE_APPROVAL_POLL_SECONDS: intervalSeconds.default(5),
    GATEHOUSE_APPROVAL_HOLDER_TTL_MS: z.coerce.number().int().min(1000).default(15_000),
    // Where audit events wait while Redis is unreachable, one directory per proxy process; by
    // default a directory per port under the OS temp directory.
    GATEHOUSE_AUDIT_SPOOL_DIR: z.string().min(1).optional(),
    GATEHOUSE_AUDIT_SPOOL_MAX_MB: z.coerce.number().int().positive().default(1024),
    GATEHOUSE_METRICS_TOKEN: metricsTokenField,
    ...httpLimitFields,
  })
  .superRefine((env, ctx) => {
    checkHttpLimits(env, ctx);
    // A key listed twice is a problem of two variables together, so it is checked on the whole.
    addRepeatedKeyIssue(env.GATEHOUSE_ENCRYPTION_KEY, env.GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS, ctx);
  });

export type ProxyEnv = z.infer<typeof EnvSchema>;

/** Validates the proxy's environment; a bad value stops start-up naming the variable and what it expects. */
export function loadProxyEnv(source: Record<string, string | undefined> = process.env): ProxyEnv {
  return parseEnv(EnvSchema, source, "proxy");
}
