import type { OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";

// Refresh this long before expiry, so a request never leaves with a token about to lapse…
const REFRESH_MARGIN_MS = 60_000;
// …but never earlier than this share of the lifetime, so short-lived tokens are still used.
const MAX_MARGIN_SHARE = 0.2;

/** When new tokens expire and when to refresh them; both null when the server gave no lifetime. */
export function tokenTimes(
  tokens: OAuthTokens,
  now: Date,
): { accessTokenExpiresAt: Date | null; refreshAt: Date | null } {
  if (tokens.expires_in === undefined) return { accessTokenExpiresAt: null, refreshAt: null };
  const lifetimeMs = tokens.expires_in * 1000;
  const marginMs = Math.min(REFRESH_MARGIN_MS, lifetimeMs * MAX_MARGIN_SHARE);
  return {
    accessTokenExpiresAt: new Date(now.getTime() + lifetimeMs),
    refreshAt: new Date(now.getTime() + lifetimeMs - marginMs),
  };
}
