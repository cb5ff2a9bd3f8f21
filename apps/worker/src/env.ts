import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/gatehouse"),
  REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
  // Separates installations (or a test run) sharing one Redis, so one's worker never takes another's jobs.
  GATEHOUSE_QUEUE_PREFIX: z
    .string()
    .regex(/^[\w-]+$/, "use letters, digits, _ or -")
    .default("gatehouse"),
  WORKER_AUDIT_CONCURRENCY: z.coerce.number().int().positive().max(64).default(4),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type WorkerEnv = z.infer<typeof EnvSchema>;

/** Validates the worker's environment; a bad value stops start-up naming the variable and what it expects. */
export function loadWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`The worker's environment is invalid:\n${problems.join("\n")}`);
}
