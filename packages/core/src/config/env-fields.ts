import { z } from "zod";

/** Environment fields every Gatehouse process reads the same way. */
export const envFields = {
  DATABASE_URL: z
    .url("use a PostgreSQL connection URL, e.g. postgresql://user@host:5432/gatehouse")
    .default("postgresql://postgres@127.0.0.1:5432/gatehouse"),
  REDIS_URL: z.url("use a Redis URL, e.g. redis://127.0.0.1:6379").default("redis://127.0.0.1:6379"),
  // Separates installations (or a test run) sharing one Redis, so one's worker never takes another's jobs.
  // On Redis Cluster it goes in braces ({gatehouse}): BullMQ's scripts touch several keys of a
  // queue at once, and the braces make the prefix their hash tag, keeping them in one slot.
  GATEHOUSE_QUEUE_PREFIX: z
    .string()
    .regex(
      /^(\{[\w-]+\}|[\w-]+)$/,
      "use letters, digits, _ or -, optionally in braces for Redis Cluster: {gatehouse}",
    )
    .default("gatehouse"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
};

/** A "true"/"false" variable. */
export const booleanFlag = z
  .enum(["true", "false", "1", "0"], { message: 'use "true" or "false"' })
  .transform((value) => value === "true" || value === "1");

/** Validates a process's environment; a bad value throws naming the variable and what it expects. */
export function parseEnv<T extends z.ZodType>(
  schema: T,
  source: Record<string, string | undefined>,
  processName: string,
): z.output<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`The ${processName}'s environment is invalid:\n${problems.join("\n")}`);
}
