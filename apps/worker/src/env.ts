import { envFields, parseEnv } from "@gatehouse/core/config/env-fields";
import { z } from "zod";

const EnvSchema = z.object({
  ...envFields,
  WORKER_AUDIT_CONCURRENCY: z.coerce.number().int().positive().max(64).default(4),
});

export type WorkerEnv = z.infer<typeof EnvSchema>;

/** Validates the worker's environment; a bad value stops start-up naming the variable and what it expects. */
export function loadWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return parseEnv(EnvSchema, source, "worker");
}
