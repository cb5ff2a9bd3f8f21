import { AuditJobSchema, auditJobBackoffMs } from "@gatehouse/core/audit/audit-event";
import { insertAuditEvents } from "@gatehouse/core/audit/insert-audit-events";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Db } from "@gatehouse/db/client";
import { type Job, UnrecoverableError, type WorkerOptions } from "bullmq";

/**
 * How the audit worker runs its jobs. A failed batch (the database is down) is retried on the
 * capped backoff of its job options. A batch whose worker died is handed to another within
 * about 15 s (lock expiry plus one stalled check) rather than BullMQ's minute, and may stall
 * several times: running it again is harmless, since inserts are idempotent.
 */
export const AUDIT_WORKER_OPTIONS = {
  settings: { backoffStrategy: auditJobBackoffMs },
  lockDuration: 10_000,
  stalledInterval: 5_000,
  maxStalledCount: 10,
} satisfies Partial<WorkerOptions>;

/**
 * Writes one batch of audit events. Inserts are idempotent by event id, so a
 * batch retried after a crash or a database error adds no duplicates.
 */
export async function ingestAuditEvents(
  deps: { db: Db; logger: Logger },
  job: Job,
): Promise<{ inserted: number }> {
  const parsed = AuditJobSchema.safeParse(job.data);
  if (!parsed.success) {
    // Retrying cannot fix a malformed payload; keep it in the failed set for inspection.
    throw new UnrecoverableError(`Malformed audit batch: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  }
  const inserted = await insertAuditEvents({ db: deps.db, events: parsed.data.events });
  deps.logger.debug({ jobId: job.id, received: parsed.data.events.length, inserted }, "audit batch stored");
  return { inserted };
}
