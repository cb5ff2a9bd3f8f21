/** What the Content-Security-Policy depends on for one response. */
export type ContentSecurityPolicyOptions = {
  /** A fresh random value per response; Next puts it on every script it renders. */
  nonce: string;
  /** `next dev` only: React's development build needs eval to rebuild server error stacks. */
  isDevelopment: boolean;
};

/**
 * The dashboard's Content-Security-Policy: scripts only with this response's nonce (and
 * what they load, by 'strict-dynamic'), everything else from our own origin, no framing.
 */
export function buildContentSecurityPolicy({ nonce, isDevelopment }: ContentSecurityPolicyOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(isDevelopment ? ["'unsafe-eval'"] : []),
    ],
    // Inline styles stay allowed: React `style` props, recharts and CodeMirror's layout write
    // style attributes, which a nonce cannot cover. Styles cannot run code, so XSS stays blocked.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** A nonce for one response: 128 random bits, base64 as CSP expects. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
