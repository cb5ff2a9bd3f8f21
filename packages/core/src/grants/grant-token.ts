import { createHash, randomBytes } from "node:crypto";

// A recognisable prefix lets people and secret scanners spot a leaked token.
export const GRANT_TOKEN_PREFIX = "ghg_";
const TOKEN_RANDOM_BYTES = 32;
const DISPLAY_PREFIX_LENGTH = GRANT_TOKEN_PREFIX.length + 6;

export type IssuedToken = { token: string; tokenHash: string; tokenPrefix: string };

/** Issues a new grant token: 256 random bits; only its hash and a short display prefix are stored. */
export function issueGrantToken(): IssuedToken {
  const token = GRANT_TOKEN_PREFIX + randomBytes(TOKEN_RANDOM_BYTES).toString("base64url");
  return { token, tokenHash: hashGrantToken(token), tokenPrefix: grantTokenPrefix(token) };
}

/**
 * The public prefix of a token, as stored with its grant and in the audit log. It is never
 * more than half of what was presented, so a short secret sent by mistake is not kept whole.
 */
export function grantTokenPrefix(token: string): string {
  return token.slice(0, Math.min(DISPLAY_PREFIX_LENGTH, Math.floor(token.length / 2)));
}

/**
 * Hashes a grant token for lookup. The token is 256 random bits, so a fast hash
 * is enough: there is nothing to brute-force.
 */
export function hashGrantToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** True when a string has the shape of a grant token (cheap check before any lookup). */
export function looksLikeGrantToken(value: string): boolean {
  return (
    value.startsWith(GRANT_TOKEN_PREFIX) &&
    /^[A-Za-z0-9_-]{40,64}$/.test(value.slice(GRANT_TOKEN_PREFIX.length))
  );
}

/** The grant's URL an MCP client is given: the secret travels in the path. */
export function buildProxyUrl(proxyPublicUrl: string, token: string): string {
  return `${proxyPublicUrl.replace(/\/+$/, "")}/g/${token}/mcp`;
}
