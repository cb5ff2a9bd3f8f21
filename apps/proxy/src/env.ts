import { booleanFlag, envFields, parseEnv } from "@gatehouse/core/config/env-fields";
import { z } from "zod";

const EnvSchema = z.object({
  ...envFields,
  PROXY_HOST: z.string().default("127.0.0.1"),
  PROXY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
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
});

export type ProxyEnv = z.infer<typeof EnvSchema>;

/** Validates the proxy's environment; a bad value stops start-up naming the variable and what it expects. */
export function loadProxyEnv(source: Record<string, string | undefined> = process.env): ProxyEnv {
  return parseEnv(EnvSchema, source, "proxy");
}
