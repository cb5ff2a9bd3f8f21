/** The Redis channel on which grant and policy changes are announced to every proxy process. */
export const GRANT_CHANGES_CHANNEL = "gatehouse:grant-changes";

/**
 * What changed: one grant (revoked, or moved to another policy), a policy all its
 * grants use, or a server's catalogue (a tool changed or was approved).
 */
export type GrantChange =
  | { kind: "grant_changed"; grantId: string; tokenHash: string }
  | { kind: "policy_changed"; policyId: string }
  | { kind: "server_changed"; serverId: string };

/** Tells the proxies that a grant or policy changed, so cached copies are dropped before the next call. */
export type GrantChangeNotifier = (change: GrantChange) => Promise<void>;

/** A notifier that publishes on GRANT_CHANGES_CHANNEL through any Redis-like publisher. */
export function createGrantChangeNotifier(publisher: {
  publish(channel: string, message: string): Promise<number>;
}): GrantChangeNotifier {
  return async (change) => {
    await publisher.publish(GRANT_CHANGES_CHANNEL, JSON.stringify(change));
  };
}

/**
 * Notifies, reporting instead of throwing when the channel is down: the change is
 * already saved, and proxies still pick it up when their cached copy expires.
 */
export async function notifyBestEffort(notify: GrantChangeNotifier, change: GrantChange): Promise<boolean> {
  try {
    await notify(change);
    return true;
  } catch {
    return false;
  }
}
