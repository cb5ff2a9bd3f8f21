// Powerful browser features the dashboard never uses; denying them limits what injected
// content or a compromised dependency could ask the browser for.
const DISABLED_FEATURES = [
  "camera",
  "microphone",
  "geolocation",
  "payment",
  "usb",
  "serial",
  "bluetooth",
  "hid",
  "midi",
  "magnetometer",
  "gyroscope",
  "accelerometer",
  "display-capture",
  "browsing-topics",
];

// Two years, the preload list's minimum; only sent over https, where browsers honour it.
const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

/** The headers every dashboard response carries besides its Content-Security-Policy. */
export function buildSecurityHeaders({ isHttps }: { isHttps: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // Grant pages show proxy URLs with the grant token in them; a link followed from such a
    // page must not hand that URL to another site in its Referer header.
    "Referrer-Policy": "no-referrer",
    // frame-ancestors covers modern browsers; this covers the ones that predate it.
    "X-Frame-Options": "DENY",
    "Permissions-Policy": DISABLED_FEATURES.map((feature) => `${feature}=()`).join(", "),
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(isHttps ? { "Strict-Transport-Security": `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` } : {}),
  };
}
