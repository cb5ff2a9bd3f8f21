import { mkdir, open, readdir, rename, rmdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import type { Logger } from "@gatehouse/core/logging/create-logger";
import { lockSpoolDir } from "./lock-spool-dir";
import { readSpoolFile } from "./read-spool-file";

const ACTIVE_FILE = "active.jsonl";
const SEALED_FILE = /^sealed-(\d{12})\.jsonl$/;

// Readiness fails from here, so a balancer sends calls to proxies that can still audit them.
const NEARLY_FULL_FRACTION = 0.9;

/**
 * Audit events that could not be queued, kept on local disk until Redis takes them: JSON lines
 * appended to `active.jsonl`, which a replay first seals (renames to `sealed-<n>.jsonl`) so new
 * events never mix with ones being replayed. A sealed file is deleted only once the queue has
 * accepted all of it; a replay cut short sends it again from its start, and the worker's
 * idempotent inserts drop what was already stored.
 *
 * fsync policy: every append is fdatasync'd before it resolves (and the directory fsync'd when
 * the append creates the file), so a spooled event survives a crash of the proxy or of the
 * machine. Renames and deletions are not synced: after a power loss a file may come back under
 * its old name or be replayed again, which duplicates nothing.
 *
 * A crash can tear the last line written. The active file is sealed on open and after a failed
 * write, so a torn line only ever ends a file, where reading skips it.
 */
export class AuditSpool {
  // Bytes asked to be appended but not yet written, and bytes in the spool's files.
  private pendingBytes = 0;
  private diskBytes = 0;
  private hasActiveFile = false;
  private nextSealed = 1;
  private droppedEvents = 0;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dir: string,
    private readonly maxBytes: number,
    private readonly logger: Logger,
    private readonly unlock: () => Promise<void>,
  ) {}

  /** Opens (creating) and locks a spool directory; what an earlier process left is kept for replay. */
  static async open(options: { dir: string; maxBytes: number; logger: Logger }): Promise<AuditSpool> {
    await mkdir(options.dir, { recursive: true });
    const unlock = await lockSpoolDir(options.dir);
    const spool = new AuditSpool(options.dir, options.maxBytes, options.logger, unlock);
    const last = (await spool.sealedFiles()).at(-1)?.match(SEALED_FILE)?.[1];
    spool.nextSealed = Number(last ?? 0) + 1;
    await spool.sealActive();
    spool.diskBytes = await spool.measure();
    if (!spool.isEmpty)
      spool.logger.warn({ dir: spool.dir, bytes: spool.diskBytes }, "audit spool holds events to replay");
    return spool;
  }

  /** True when every event ever appended has been replayed (an append counts from the moment it is asked for). */
  get isEmpty(): boolean {
    return this.pendingBytes + this.diskBytes === 0;
  }

  /** Bytes spooled, counting appends not yet written. */
  get sizeBytes(): number {
    return this.pendingBytes + this.diskBytes;
  }

  /** True when the spool is close enough to its cap that the next outage minute may lose events. */
  get isNearlyFull(): boolean {
    return this.sizeBytes >= this.maxBytes * NEARLY_FULL_FRACTION;
  }

  /** Appends events durably. Never rejects: when the spool is full or the disk fails, they are dropped, loudly. */
  append(events: AuditEvent[]): Promise<void> {
    const data = events.map((event) => `${JSON.stringify(event)}\n`).join("");
    const size = Buffer.byteLength(data);
    if (this.pendingBytes + this.diskBytes + size > this.maxBytes) {
      if (this.droppedEvents === 0)
        this.logger.error(
          { dir: this.dir, maxBytes: this.maxBytes },
          "audit spool is full: new audit events are lost until Redis is back (raise GATEHOUSE_AUDIT_SPOOL_MAX_MB to keep more)",
        );
      this.droppedEvents += events.length;
      return Promise.resolve();
    }
    this.pendingBytes += size;
    return this.serially(async () => {
      try {
        await this.write(data);
        this.diskBytes += size;
        this.reportRoom();
      } catch (error) {
        this.logger.error(
          { err: error, dir: this.dir, count: events.length },
          "could not spool audit events; they are lost",
        );
        await this.sealActive();
        this.diskBytes = await this.measure();
      } finally {
        this.pendingBytes -= size;
      }
    }).catch((error: unknown) => this.logger.error({ err: error, dir: this.dir }, "audit spool unusable"));
  }

  /**
   * Sends every spooled event, oldest first, in batches of at most `batchSize`; a file is deleted
   * once all its batches were sent. Stops at the first failure, keeping what is left. One at a time.
   */
  async replay(send: (events: AuditEvent[]) => Promise<void>, batchSize: number): Promise<number> {
    await this.serially(() => this.sealActive());
    let sent = 0;
    for (const name of await this.sealedFiles()) {
      const file = path.join(this.dir, name);
      for await (const batch of readSpoolFile(file, { batchSize, logger: this.logger })) {
        await send(batch);
        sent += batch.length;
      }
      await this.serially(async () => {
        const { size } = await stat(file);
        await unlink(file);
        this.diskBytes -= size;
      });
    }
    return sent;
  }

  /** Waits for appends under way and releases the directory; an empty spool leaves no trace. */
  async close(): Promise<void> {
    await this.tail;
    await this.unlock();
    await rmdir(this.dir).catch(() => undefined);
  }

  private async write(data: string): Promise<void> {
    const handle = await open(path.join(this.dir, ACTIVE_FILE), "a");
    try {
      await handle.write(data);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (!this.hasActiveFile) await syncDirectory(this.dir);
    this.hasActiveFile = true;
  }

  private reportRoom(): void {
    if (this.droppedEvents === 0) return;
    this.logger.error(
      { dir: this.dir, lost: this.droppedEvents },
      "audit spool has room again; audit events were lost while it was full",
    );
    this.droppedEvents = 0;
  }

  private async sealActive(): Promise<void> {
    this.hasActiveFile = false;
    if ((await fileSize(path.join(this.dir, ACTIVE_FILE))) === 0) return;
    const sealed = `sealed-${String(this.nextSealed++).padStart(12, "0")}.jsonl`;
    await rename(path.join(this.dir, ACTIVE_FILE), path.join(this.dir, sealed));
  }

  private async sealedFiles(): Promise<string[]> {
    return (await readdir(this.dir)).filter((name) => SEALED_FILE.test(name)).sort();
  }

  private async measure(): Promise<number> {
    const names = [ACTIVE_FILE, ...(await this.sealedFiles())];
    const sizes = await Promise.all(names.map((name) => fileSize(path.join(this.dir, name))));
    return sizes.reduce((sum, size) => sum + size, 0);
  }

  // File operations run one after another, so a seal never renames a file mid-append.
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
