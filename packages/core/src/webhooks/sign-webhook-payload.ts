import { createHmac, timingSafeEqual } from "node:crypto";

/** The header carrying a delivery's signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const WEBHOOK_SIGNATURE_HEADER = "x-gatehouse-signature";

const SIGNATURE_BYTES = 32;

/**
 * Signs a raw request body as Stripe does: an HMAC-SHA256, keyed with the webhook's
 * secret, of "<t>.<body>". Signing the timestamp with the body lets receivers
 * reject a captured request replayed later.
 */
export function signWebhookPayload(secret: string, body: string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, body)}`;
}

/**
 * True when `header` holds a v1 signature of `body` made with `secret`, with a
 * timestamp at most `toleranceSeconds` from now. `body` must be the raw bytes
 * received, before any JSON parsing.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  toleranceSeconds: number,
): boolean {
  const parsed = parseSignatureHeader(header ?? "");
  if (!parsed) return false;
  if (Math.abs(Date.now() / 1000 - parsed.timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, parsed.timestamp, body), "hex");
  // Every v1 is checked, so a sender may list signatures under an old and a new secret.
  return parsed.signatures.some((signature) => timingSafeEqual(signature, expected));
}

function hmacHex(secret: string, timestampSeconds: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex");
}

function parseSignatureHeader(header: string): { timestamp: number; signatures: Buffer[] } | null {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(",")) {
    const [key, value = ""] = part.trim().split("=", 2);
    if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Only well-formed signatures reach timingSafeEqual, which throws on a length mismatch.
    if (key === "v1" && /^[0-9a-f]+$/i.test(value) && value.length === SIGNATURE_BYTES * 2)
      signatures.push(Buffer.from(value, "hex"));
  }
  return timestamp === undefined || signatures.length === 0 ? null : { timestamp, signatures };
}
