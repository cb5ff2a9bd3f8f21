import type { GrantSnapshot } from "./grant-snapshot";

// `loaded` is set once the load resolves; an entry still loading is dropped by any matching invalidation.
type Entry = { snapshot: Promise<GrantSnapshot | null>; expiresAt: number; loaded?: GrantSnapshot | null };

/**
 * Grants by token hash, so a call costs no Postgres query. Changes arrive by
 * pub/sub (`invalidate…`); the TTL bounds staleness should a message be missed.
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
        entry.loaded = loaded;
      },
      // A failed load must not be cached: the next call tries again.
      () => {
        if (this.entries.get(tokenHash) === entry) this.entries.delete(tokenHash);
      },
    );
    return snapshot;
  }

  /**
   * Drops one grant so the next call reloads it: under the token hash the change names and under
   * any other token of the grant (after a rotation both the new and the replaced one are cached).
   */
  invalidateGrant(grantId: string, tokenHash: string): void {
    this.entries.delete(tokenHash);
    this.invalidateMatching((grant) => grant.grantId === grantId);
  }

  /** Drops every grant that uses a policy, so its next call applies the new version. */
  invalidatePolicy(policyId: string): void {
    this.invalidateMatching((grant) => grant.policyId === policyId);
  }

  /** Drops every grant of a server, e.g. after its catalogue changed. */
  invalidateServer(serverId: string): void {
    this.invalidateMatching((grant) => grant.serverId === serverId);
  }

  /** Drops everything, e.g. after the pub/sub connection was lost and messages may have been missed. */
  clear(): void {
    this.entries.clear();
  }

  private invalidateMatching(matches: (grant: GrantSnapshot) => boolean): void {
    for (const [tokenHash, entry] of this.entries) {
      if (entry.loaded === undefined || (entry.loaded !== null && matches(entry.loaded))) {
        this.entries.delete(tokenHash);
      }
    }
  }
}
