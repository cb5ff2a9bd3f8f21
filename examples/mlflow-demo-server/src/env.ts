import { z } from "zod";

/** The same wording Gatehouse operators see from the real server's startup check. */
export const MISSING_TRACKING_URI_MESSAGE = "Error: MLFLOW_TRACKING_URI environment variable is not set";

const EnvSchema = z.object({ MLFLOW_TRACKING_URI: z.string().trim().min(1) });

export type DemoEnv = { trackingUri: string };
export type EnvResult = { ok: true; env: DemoEnv } | { ok: false; message: string };

/**
 * Validates the process environment once. Like kkruglik/mlflow-mcp, the server refuses to start
 * without MLFLOW_TRACKING_URI; any non-empty value works for the in-memory store (e.g. memory://demo).
 */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    return {
      ok: false,
      message: `${MISSING_TRACKING_URI_MESSAGE}\nSet it to your MLflow tracking server (e.g. http://localhost:5000); this demo server accepts any value, such as memory://demo.`,
    };
  }
  return { ok: true, env: { trackingUri: parsed.data.MLFLOW_TRACKING_URI } };
}
