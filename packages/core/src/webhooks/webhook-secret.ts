import { randomBytes } from "node:crypto";

// Recognisable, as Stripe's are, so people and secret scanners can tell what a leaked value is.
export const WEBHOOK_SECRET_PREFIX = "whsec_";
const SECRET_RANDOM_BYTES = 32;
const DISPLAY_PREFIX_LENGTH = WEBHOOK_SECRET_PREFIX.length + 6;

export type IssuedWebhookSecret = { secret: string; secretPrefix: string };

/** Issues a new signing secret: 256 random bits, and a short prefix to show in place of it. */
export function issueWebhookSecret(): IssuedWebhookSecret {
  const secret = WEBHOOK_SECRET_PREFIX + randomBytes(SECRET_RANDOM_BYTES).toString("base64url");
  return { secret, secretPrefix: secret.slice(0, DISPLAY_PREFIX_LENGTH) };
}
