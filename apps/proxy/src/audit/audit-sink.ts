import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { AuditSpool } from "./audit-spool";
import type { AuditQueue } from "./open-audit-queue";

// Batching keeps enqueueing off the response path and to one Redis write per batch.
const FLUSH_INTERVAL_MS = 25;
const MAX_BATCH = 200;
// How soon spooled events are sent once Redis is back.
const REPLAY_INTERVAL_MS = 1_000;

/**
 * Collects audit events and enqueues them for the worker in batches. Auditing never holds up
 * or fails a call: while Redis is unreachable, batches go to the on-disk spool, which is
 * replayed into the queue when Redis is back (and on start, for what a previous process left).
 */
export class AuditSink {
  private pending: AuditEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = new Set<Promise<void>>();
  private replaying: Promise<void> | undefined;
  private readonly replayTimer: NodeJS.Timeout;

  constructor(
    private readonly queue: AuditQueue,
    private readonly spool: AuditSpool,
    private readonly logger: Logger,
    // Sees every event as it is recorded (the proxy's metrics count them); must be cheap.
    private readonly observe: (event: AuditEvent) => void = () => {},
  ) {
    this.replayTimer = setInterval(() => this.replay(), REPLAY_INTERVAL_MS);
    this.replayTimer.unref();
    this.replay();
  }

  /** Queues one event; returns at once. */
  record(event: AuditEvent): void {
    this.observe(event);
    this.pending.push(event);
    if (this.pending.length >= MAX_BATCH) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  /** Events waiting for the next batch. */
  get bufferedEvents(): number {
    return this.pending.length;
  }

  /** Bytes in the on-disk spool, waiting for Redis. */
  get spoolBytes(): number {
    return this.spool.sizeBytes;
  }

  /** True when the spool nears GATEHOUSE_AUDIT_SPOOL_MAX_MB, past which events would be lost. */
  get isSpoolNearlyFull(): boolean {
    return this.spool.isNearlyFull;
  }

  /** Sends (or spools) what is pending now and waits for every batch in flight and a running replay. */
  async drain(): Promise<void> {
    this.flush();
    await Promise.all([...this.inFlight, this.replaying]);
  }

  /** Drains, then releases the queue and the spool; what is still spooled waits for the next start. */
  async close(): Promise<void> {
    clearInterval(this.replayTimer);
    await this.drain();
    await this.queue.close();
    await this.spool.close();
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const sending = this.deliver(this.pending);
    this.pending = [];
    this.inFlight.add(sending);
    void sending.finally(() => this.inFlight.delete(sending));
  }

  // While the spool holds events, new batches join them there, so the queue gets them in order.
  private async deliver(events: AuditEvent[]): Promise<void> {
    if (this.spool.isEmpty) {
      try {
        await this.queue.add(events);
        return;
      } catch (error) {
        // Reported once per outage: the batches after this one find the spool in use.
        if (this.spool.isEmpty)
          this.logger.warn(
            { err: error, dir: this.spool.dir },
            "cannot queue audit events; spooling them to disk until Redis is back",
          );
      }
    }
    await this.spool.append(events);
  }

  private replay(): void {
    if (this.replaying || this.spool.isEmpty || !this.queue.isReady()) return;
    this.replaying = this.replayUntilEmpty()
      .then((count) => this.logger.info({ count }, "replayed spooled audit events into the queue"))
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, "audit spool replay paused until Redis answers"),
      )
      .finally(() => {
        this.replaying = undefined;
      });
  }

  // Batches recorded during a pass join the spool, so passes repeat, each shorter than the last,
  // until one leaves the spool empty and new batches go straight to the queue again.
  private async replayUntilEmpty(): Promise<number> {
    let count = 0;
    while (!this.spool.isEmpty) {
      const sent = await this.spool.replay((events) => this.queue.add(events), MAX_BATCH);
      if (sent === 0) break;
      count += sent;
    }
    return count;
  }
}
