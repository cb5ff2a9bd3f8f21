import type { Logger } from "../logging/create-logger";

// A server can print anything, as fast as it likes: lines are cut, and only so many reach the log.
const MAX_LINE_CHARS = 500;
const LINES_PER_WINDOW = 50;
const WINDOW_MS = 10_000;
const TAIL_LINES = 20;
// Shorter values (ports, "true") are not worth hiding and would blank ordinary words.
const MIN_REDACTED_CHARS = 4;

export type StderrLog = {
  /** Takes the next chunk the process wrote to stderr. */
  write: (chunk: Buffer) => void;
  /** The last lines the process printed (cut and redacted), oldest first. */
  tail: () => string[];
};

/**
 * Turns a stdio server's stderr into one structured log line per line printed
 * (server id, pid, stream), at most LINES_PER_WINDOW per window, each cut to
 * MAX_LINE_CHARS, with the server's env values replaced, and keeps the last lines
 * so a failure can be explained with the server's own words.
 */
export function createStderrLog(options: {
  logger?: Logger;
  serverId?: string;
  pid: () => number | undefined;
  /** Values that must never be logged: the server's env values. */
  secrets: string[];
  now?: () => number;
}): StderrLog {
  const now = options.now ?? Date.now;
  const secrets = options.secrets.filter((value) => value.length >= MIN_REDACTED_CHARS);
  const tail: string[] = [];
  let partial = "";
  let windowStartMs = now();
  let loggedInWindow = 0;
  let suppressed = 0;

  const fields = () => ({ serverId: options.serverId, pid: options.pid(), stream: "stderr" });
  const take = (raw: string) => {
    const line = cut(redact(raw.replace(/\r$/, ""), secrets));
    if (!line.trim()) return;
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    if (now() - windowStartMs >= WINDOW_MS) {
      if (suppressed)
        options.logger?.warn({ ...fields(), suppressed }, "stdio server stderr lines suppressed");
      windowStartMs = now();
      loggedInWindow = 0;
      suppressed = 0;
    }
    if (loggedInWindow >= LINES_PER_WINDOW) {
      suppressed++;
      return;
    }
    loggedInWindow++;
    options.logger?.info({ ...fields(), line }, "stdio server stderr");
  };

  return {
    write: (chunk) => {
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      // A process that never ends its line must not grow the buffer without bound.
      if (partial.length > MAX_LINE_CHARS) {
        lines.push(partial);
        partial = "";
      }
      for (const line of lines) take(line);
    },
    tail: () => (partial.trim() ? [...tail, cut(redact(partial, secrets))] : [...tail]),
  };
}

function redact(line: string, secrets: string[]): string {
  return secrets.reduce((text, secret) => text.split(secret).join("[redacted]"), line);
}

function cut(line: string): string {
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line;
}
