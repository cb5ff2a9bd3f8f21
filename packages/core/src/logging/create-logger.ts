import pino, { type Logger } from "pino";

export type { Logger };

// Secrets must never reach a log line, whichever object they travel in.
const REDACT_PATHS = [
  "token",
  "*.token",
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
  "password",
  "*.password",
  "env",
  "*.env",
];

/** Creates the process's structured logger. */
export function createLogger(options: { name: string; level: string }): Logger {
  return pino({
    name: options.name,
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  });
}
