const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a request method may change state (and so needs a CSRF check when a cookie authenticates it). */
export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Whether the request's Origin names the host it was sent to, compared the way Next checks
 * Server Actions (X-Forwarded-Host first, for a reverse proxy, then Host). Browsers send Origin
 * on every cross-site write and pages cannot forge it or either host header, so a missing or
 * different Origin on a cookie-authenticated write is a forgery or not a browser: refused either way.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!origin || !host) return false;
  return URL.canParse(origin) && new URL(origin).host === host;
}
