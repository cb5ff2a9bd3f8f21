import { createHash, randomBytes } from "node:crypto";

// A recognisable prefix lets people and secret scanners spot a leaked key (grant tokens use ghg_).
export const API_KEY_PREFIX = "gha_";
const KEY_RANDOM_BYTES = 32;
// 32 bytes are exactly 43 base64url characters (no padding).
const KEY_BODY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 6;

export type IssuedApiKey = { key: string; keyHash: string; keyPrefix: string };

/** Issues a new API key: 256 random bits; only its hash and a short display prefix are stored. */
export function issueApiKey(): IssuedApiKey {
  const key = API_KEY_PREFIX + randomBytes(KEY_RANDOM_BYTES).toString("base64url");
  return { key, keyHash: hashApiKey(key), keyPrefix: key.slice(0, DISPLAY_PREFIX_LENGTH) };
}

/**
 * Hashes an API key for lookup. The key is 256 random bits, so a fast hash is
 * enough: there is nothing to brute-force, and every request pays for it.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** True when a string has the exact shape of an API key (a cheap check before any lookup). */
export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX) && KEY_BODY_PATTERN.test(value.slice(API_KEY_PREFIX.length));
}
