import pino, { type DestinationStream, type Logger } from "pino";
import { SEALED_COLUMNS } from "../secrets/sealed-columns";

export type { Logger };

// Secrets must never reach a log line, whichever object they travel in: tokens and passwords,
// credential headers of any request, an upstream's whole header and env maps (every value there
// is a credential), webhook secrets, and sealed columns (ciphertext is still not for logs).
const SECRET_KEYS = [
  "token",
  "password",
  "secret",
  "env",
  "headers.authorization",
  'headers["proxy-authorization"]',
  "headers.cookie",
  'headers["set-cookie"]',
  'headers["x-api-key"]',
  "upstream.headers",
  "upstream.env",
  ...new Set(SEALED_COLUMNS.map((target) => target.column)),
];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`]);

/** Creates the process's structured logger; `destination` lets a test read what it writes. */
export function createLogger(options: {
  name: string;
  level: string;
  destination?: DestinationStream;
}): Logger {
  return pino(
    {
      name: options.name,
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    },
    options.destination,
  );
}
