import { z } from "zod";

/** Env fields choosing how stdio servers' processes live: one per agent session (default) or pooled. */
export const stdioLifecycleFields = {
  // Pooling shares one process (and whatever state it keeps) between sessions, so it is opt-in.
  GATEHOUSE_STDIO_LIFECYCLE: z
    .enum(["per_session", "pooled"], { message: 'use "per_session" or "pooled"' })
    .default("per_session"),
  // Server ids to pool even when the lifecycle is per_session, comma-separated.
  GATEHOUSE_STDIO_POOLED_SERVERS: z
    .string()
    .default("")
    .transform(
      (list) =>
        new Set(
          list
            .split(",")
            .map((id) => id.trim())
            .filter(Boolean),
        ),
    ),
  GATEHOUSE_STDIO_POOL_IDLE_MS: z.coerce.number().int().min(0).default(60_000),
};

/** Whether a server's sessions share one pooled process, per the operator's env. */
export function isStdioPooled(
  env: { GATEHOUSE_STDIO_LIFECYCLE: "per_session" | "pooled"; GATEHOUSE_STDIO_POOLED_SERVERS: Set<string> },
  serverId: string,
): boolean {
  return env.GATEHOUSE_STDIO_LIFECYCLE === "pooled" || env.GATEHOUSE_STDIO_POOLED_SERVERS.has(serverId);
}
