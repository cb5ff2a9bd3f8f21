import type { Logger } from "@gatehouse/core/logging/create-logger";

type ErrorSource = { on(event: "error", listener: (error: Error) => void): unknown };

// ioredis retries a lost connection several times a second; one line a minute says enough.
const REPORT_INTERVAL_MS = 60_000;

/**
 * Logs a Redis connection's errors as structured warnings, at most once a minute. Without a
 * listener ioredis prints each failed reconnect to stderr as an "Unhandled error event".
 */
export function reportConnectionErrors(source: ErrorSource, logger: Logger, connection: string): void {
  let lastReportMs = Number.NEGATIVE_INFINITY;
  source.on("error", (error) => {
    const nowMs = Date.now();
    if (nowMs - lastReportMs < REPORT_INTERVAL_MS) return;
    lastReportMs = nowMs;
    logger.warn({ err: error, connection }, "Redis connection error; retrying");
  });
}
