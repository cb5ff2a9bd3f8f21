import type { GrantSnapshot } from "./grant-snapshot";

// policyId is known once the load resolves; an entry still loading is dropped on any policy change.
type Entry = { snapshot: Promise<GrantSnapshot | null>; expiresAt: number; policyId?: string | undefined };

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
    const entry: Entry = { snapshot, expiresAt: now + this.options.ttlMs };
    this.entries.set(tokenHash, entry);
    snapshot.then(
      (loaded) => {
        entry.policyId = loaded?.policyId;
      },
      () => undefined,
    );
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

  /** Drops every loaded grant that uses a policy, so its next call applies the new version. */
  invalidatePolicy(policyId: string): void {
    for (const [tokenHash, entry] of this.entries) {
      if (entry.policyId === policyId || entry.policyId === undefined) this.entries.delete(tokenHash);
    }
  }

  /** Drops everything, e.g. after the pub/sub connection was lost and messages may have been missed. */
  clear(): void {
    this.entries.clear();
  }
}
