import { createHash, randomBytes } from "node:crypto";

// A recognisable prefix lets people and secret scanners spot a leaked invitation link.
export const INVITATION_TOKEN_PREFIX = "ghi_";
const TOKEN_RANDOM_BYTES = 32;
// 32 bytes are exactly 43 base64url characters (no padding).
const TOKEN_BODY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Issues a new invitation token: 256 random bits; only its hash is stored. */
export function issueInvitationToken(): { token: string; tokenHash: string } {
  const token = INVITATION_TOKEN_PREFIX + randomBytes(TOKEN_RANDOM_BYTES).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

/** Hashes an invitation token for lookup; a fast hash suffices for 256 random bits. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** True when a string has the exact shape of an invitation token (a cheap check before any lookup). */
export function looksLikeInvitationToken(value: string): boolean {
  return (
    value.startsWith(INVITATION_TOKEN_PREFIX) &&
    TOKEN_BODY_PATTERN.test(value.slice(INVITATION_TOKEN_PREFIX.length))
  );
}

/** The link an invited person opens: the dashboard's public page for the token. */
export function buildInvitationUrl(dashboardUrl: string, token: string): string {
  return `${dashboardUrl.replace(/\/+$/, "")}/invite/${token}`;
}
