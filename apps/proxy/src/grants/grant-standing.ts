import type { GrantSnapshot } from "./grant-snapshot";

/** Why a grant's token may not be used; `message` is what the agent is told, `rule` what the audit log names. */
export type GrantStanding = { rule: string; message: string };

/** What an agent is told for a token no grant has, and for one replaced by a rotation whose grace period ended. */
export const UNKNOWN_TOKEN_MESSAGE = "unknown grant token.";

/**
 * Whether the token a snapshot was loaded for may be used at `nowMs`; null when it may. Checked
 * on every request, so a cached grant stops at its expiry time without waiting for a reload.
 */
export function grantStandingAt(grant: GrantSnapshot, nowMs: number): GrantStanding | null {
  if (grant.isRevoked) return { rule: "(grant revoked)", message: "this grant has been revoked." };
  if (grant.expiresAtMs !== null && grant.expiresAtMs <= nowMs) {
    const at = new Date(grant.expiresAtMs).toISOString();
    const message = `this grant expired at ${at}. Ask its owner to extend it or issue a new grant.`;
    return { rule: "(grant expired)", message };
  }
  // A replaced token is refused exactly like an unknown one: nothing tells a finder it once worked.
  if (grant.tokenExpiresAtMs !== null && grant.tokenExpiresAtMs <= nowMs) {
    return { rule: "(token replaced)", message: UNKNOWN_TOKEN_MESSAGE };
  }
  return null;
}
