import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { type AuditEvent, AuditEventSchema } from "@gatehouse/core/audit/audit-event";
import type { Logger } from "@gatehouse/core/logging/create-logger";

/** A spool file's events in order, in batches; unreadable lines (a write torn by a crash) are skipped. */
export async function* readSpoolFile(
  file: string,
  options: { batchSize: number; logger: Logger },
): AsyncGenerator<AuditEvent[]> {
  const input = createReadStream(file);
  let batch: AuditEvent[] = [];
  let skipped = 0;
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (line.trim() === "") continue;
      const parsed = AuditEventSchema.safeParse(parseJson(line));
      if (!parsed.success) {
        skipped++;
        continue;
      }
      batch.push(parsed.data);
      if (batch.length >= options.batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    // A replay stopped mid-file (Redis went away again) must not leave the file open.
    input.destroy();
  }
  if (skipped > 0) options.logger.warn({ file, skipped }, "skipped unreadable lines in the audit spool");
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
