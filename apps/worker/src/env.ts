import { booleanFlag, envFields, parseEnv } from "@gatehouse/core/config/env-fields";
import { metricsTokenField } from "@gatehouse/core/ops/ops-env";
import {
  addRepeatedKeyIssue,
  encryptionKeyField,
  previousEncryptionKeysField,
} from "@gatehouse/core/secrets/encryption-key-env";
import { z } from "zod";

const EnvSchema = z.object({
  ...envFields,
  GATEHOUSE_ENCRYPTION_KEY: encryptionKeyField,
  GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS: previousEncryptionKeysField,
  GATEHOUSE_ALLOW_STDIO: booleanFlag.default(false),
  // Upstreams (and webhooks) on private or loopback addresses; link-local (cloud metadata) never.
  GATEHOUSE_ALLOW_PRIVATE_NETWORKS: booleanFlag.default(false),
  GATEHOUSE_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  GATEHOUSE_CATALOGUE_SYNC_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .default(15),
  // How often approval requests of stopped proxies are marked abandoned.
  GATEHOUSE_APPROVAL_SWEEP_SECONDS: z.coerce.number().int().positive().max(3600).default(15),
  // How often audit events older than their organisation's retention are deleted.
  GATEHOUSE_AUDIT_RETENTION_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .default(60),
  // Where webhook messages link to, so a person can open the approval request they announce.
  GATEHOUSE_DASHBOARD_URL: z
    .url("use the dashboard's public URL, e.g. https://gatehouse.example.com")
    .default("http://127.0.0.1:3000"),
  WORKER_AUDIT_CONCURRENCY: z.coerce.number().int().positive().max(64).default(4),
  // /healthz, /readyz and /metrics, served only when a port is set (the Docker image sets 4100),
  // so several workers on one machine do not contend for a port nobody asked for.
  WORKER_HEALTH_HOST: z.string().default("127.0.0.1"),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  GATEHOUSE_METRICS_TOKEN: metricsTokenField,
});

// A key listed twice is a problem of two variables together, so it is checked on the whole.
const CheckedEnvSchema = EnvSchema.superRefine((env, ctx) =>
  addRepeatedKeyIssue(env.GATEHOUSE_ENCRYPTION_KEY, env.GATEHOUSE_ENCRYPTION_PREVIOUS_KEYS, ctx),
);

export type WorkerEnv = z.infer<typeof EnvSchema>;

/** Validates the worker's environment; a bad value stops start-up naming the variable and what it expects. */
export function loadWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return parseEnv(CheckedEnvSchema, source, "worker");
}
