import {
  AUDIT_JOB,
  AUDIT_JOB_ATTEMPTS,
  AUDIT_JOB_BACKOFF_MS,
  type AuditEvent,
  type AuditJob,
} from "@gatehouse/core/audit/audit-event";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Queue } from "bullmq";

// Batching keeps enqueueing off the response path and to one Redis write per batch.
const FLUSH_INTERVAL_MS = 25;
const MAX_BATCH = 200;

/** Collects audit events and enqueues them for the worker in batches. */
export class AuditSink {
  private pending: AuditEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = new Set<Promise<void>>();

  constructor(
    private readonly queue: Queue<AuditJob>,
    private readonly logger: Logger,
  ) {}

  /** Queues one event; returns at once. */
  record(event: AuditEvent): void {
    this.pending.push(event);
    if (this.pending.length >= MAX_BATCH) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  /** Sends what is pending now and waits for every batch in flight (used at shutdown and in tests). */
  async drain(): Promise<void> {
    this.flush();
    await Promise.all(this.inFlight);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    const sending = this.queue
      .add(
        AUDIT_JOB,
        { events },
        {
          attempts: AUDIT_JOB_ATTEMPTS,
          backoff: { type: "exponential", delay: AUDIT_JOB_BACKOFF_MS },
          removeOnComplete: true,
          removeOnFail: false,
        },
      )
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.error({ err: error, count: events.length }, "could not enqueue audit events");
      });
    this.inFlight.add(sending);
    void sending.finally(() => this.inFlight.delete(sending));
  }
}
