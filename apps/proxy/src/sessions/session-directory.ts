import type { Logger } from "@gatehouse/core/logging/create-logger";
import type { Redis } from "ioredis";

// An entry outlives its owner by at most this long when the owner dies without removing it;
// a relay to a dead owner removes it sooner.
export const SESSION_OWNER_TTL_MS = 60_000;
// Refreshing three times per TTL lets two refreshes fail before an entry lapses.
const REFRESHES_PER_TTL = 3;

/**
 * Which proxy process holds each Streamable HTTP session, shared through Redis so any proxy can
 * relay a request to the session's owner. Entries expire unless their owner keeps refreshing
 * them, so a process that dies leaves none behind for long.
 */
export class SessionDirectory {
  private readonly owned = new Set<string>();
  private readonly keyPrefix: string;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: {
      redis: Redis;
      /** The installation's prefix (GATEHOUSE_QUEUE_PREFIX), braces or not. */
      prefix: string;
      /** This process's internal base URL, known once its server listens. */
      ownerUrl: () => string;
      logger: Logger;
      ttlMs?: number;
    },
  ) {
    // The session id alone is the hash tag (a braced installation prefix would put every
    // session in one Redis Cluster slot); each command touches one key, so any slot serves.
    this.keyPrefix = `${options.prefix.replace(/[{}]/g, "")}:session-owner:`;
  }

  private get ttlMs(): number {
    return this.options.ttlMs ?? SESSION_OWNER_TTL_MS;
  }

  private keyOf(sessionId: string): string {
    return `${this.keyPrefix}{${sessionId}}`;
  }

  /** Records this process as the session's owner; a failure leaves the session reachable here only. */
  async claim(sessionId: string): Promise<void> {
    this.owned.add(sessionId);
    this.startRefreshing();
    try {
      await this.options.redis.set(this.keyOf(sessionId), this.options.ownerUrl(), "PX", this.ttlMs);
    } catch (error) {
      this.options.logger.warn({ err: error, sessionId }, "could not record the session's owner");
    }
  }

  /** Forgets a session that ended here. */
  release(sessionId: string): void {
    if (!this.owned.delete(sessionId)) return;
    this.forget(sessionId);
  }

  /** Removes a session's entry whatever owner it names (one found unreachable). */
  forget(sessionId: string): void {
    this.options.redis.del(this.keyOf(sessionId)).catch((error: unknown) => {
      this.options.logger.warn({ err: error, sessionId }, "could not remove the session's owner");
    });
  }

  /** The base URL of the proxy holding the session, or undefined when no proxy does. */
  async ownerOf(sessionId: string): Promise<string | undefined> {
    return (await this.options.redis.get(this.keyOf(sessionId))) ?? undefined;
  }

  /** Stops refreshing; entries lapse by their TTL, or are removed as their sessions close. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private startRefreshing(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.refresh(), this.ttlMs / REFRESHES_PER_TTL);
    this.timer.unref();
  }

  // SET rather than PEXPIRE, so entries lost with a Redis restart come back.
  private async refresh(): Promise<void> {
    if (this.owned.size === 0) return;
    const pipeline = this.options.redis.pipeline();
    const ownerUrl = this.options.ownerUrl();
    for (const sessionId of this.owned) pipeline.set(this.keyOf(sessionId), ownerUrl, "PX", this.ttlMs);
    try {
      await pipeline.exec();
    } catch (error) {
      this.options.logger.warn({ err: error, sessions: this.owned.size }, "could not refresh session owners");
    }
  }
}
