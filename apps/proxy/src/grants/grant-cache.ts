import type { GrantSnapshot } from "./grant-snapshot";

type Entry = { snapshot: Promise<GrantSnapshot | null>; expiresAt: number };

/**
 * Grants by token hash, so a call costs no Postgres query. Changes arrive by
 * pub/sub (`invalidate`); the TTL bounds staleness should a message be missed.
 */
export class GrantCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: (tokenHash: string) => Promise<GrantSnapshot | null>,
    private readonly options: { ttlMs: number; now?: () => number },
  ) {}

  /** The grant for a token hash, loading it once for concurrent callers. */
  get(tokenHash: string): Promise<GrantSnapshot | null> {
    const now = this.options.now?.() ?? Date.now();
    const cached = this.entries.get(tokenHash);
    if (cached && cached.expiresAt > now) return cached.snapshot;
    const snapshot = this.load(tokenHash);
    const entry = { snapshot, expiresAt: now + this.options.ttlMs };
    this.entries.set(tokenHash, entry);
    // A failed load must not be cached: the next call tries again.
    snapshot.catch(() => {
      if (this.entries.get(tokenHash) === entry) this.entries.delete(tokenHash);
    });
    return snapshot;
  }

  /** Drops one grant so the next call reloads it. */
  invalidate(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  /** Drops everything, e.g. after the pub/sub connection was lost and messages may have been missed. */
  clear(): void {
    this.entries.clear();
  }
}
