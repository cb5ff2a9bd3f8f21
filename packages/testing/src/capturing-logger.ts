import { Writable } from "node:stream";
import { createLogger, type Logger } from "@gatehouse/core/logging/create-logger";

/** A debug-level logger whose lines a test can read back, parsed. */
export function capturingLogger(): { logger: Logger; entries: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return {
    logger: createLogger({ name: "capturing-test", level: "debug", destination }),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
