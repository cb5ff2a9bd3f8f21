import type { ErrorCode } from "@gatehouse/core/errors/gatehouse-error";
import { OAUTH_PROVIDER_NAMES, type OAuthProvider } from "@gatehouse/core/users/oauth-providers";

// next-auth hands an error thrown in `authorize` or the signIn callback to the browser only as its
// message (an `error` query parameter), so each travels as a code the page turns into words here;
// free text from the URL is never shown, so nobody can put their words on our page with a link.
const THROTTLED_PREFIX = "SignInThrottled:";
const OAUTH_REFUSED_PREFIX = "OAuthRefused:";

// next-auth's own codes for a GitHub or Google sign-in that failed before our user lookup.
const PROVIDER_FAILURES = new Set([
  "OAuthSignin",
  "OAuthCallback",
  "Callback",
  "OAuthCreateAccount",
  "AccessDenied",
]);

/** The error code the credentials provider throws when sign-in is throttled. */
export function throttledSignInError(retryAfterMs: number): string {
  return `${THROTTLED_PREFIX}${Math.max(1, Math.ceil(retryAfterMs / 60_000))}`;
}

/** The error code for a GitHub or Google sign-in that Gatehouse refused, by the reason's error code. */
export function oauthSignInError(provider: OAuthProvider | undefined, reason: ErrorCode): string {
  return `${OAUTH_REFUSED_PREFIX}${provider ?? ""}:${reason}`;
}

/** What to tell the person for the error code next-auth returned from a sign-in. */
export function describeSignInError(code: string | null | undefined): string {
  if (code === "CredentialsSignin") return "Email or password is incorrect.";
  if (code?.startsWith(THROTTLED_PREFIX)) {
    const minutes = Number(code.slice(THROTTLED_PREFIX.length)) || 15;
    return `Too many failed sign-ins. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  }
  if (code?.startsWith(OAUTH_REFUSED_PREFIX))
    return describeOAuthRefusal(code.slice(OAUTH_REFUSED_PREFIX.length));
  if (code && PROVIDER_FAILURES.has(code)) {
    return "Signing in with your provider did not work. Try again, or sign in with your email and password.";
  }
  return "Could not sign in. Try again.";
}

function describeOAuthRefusal(detail: string): string {
  const [provider, reason] = detail.split(":");
  const name = Object.entries(OAUTH_PROVIDER_NAMES).find(([id]) => id === provider)?.[1] ?? "your provider";
  const verifyThenRetry = `verify your email address with ${name}, then continue with ${name} again`;
  if (reason === "conflict") {
    return `An account with this email already exists. Sign in with your password, or ${verifyThenRetry}.`;
  }
  if (reason === "forbidden") return `${name} has not verified your email address: ${verifyThenRetry}.`;
  if (reason === "invalid_input")
    return `${name} did not share a valid email address, which Gatehouse needs.`;
  return `Could not sign in with ${name}. Try again, or sign in with your email and password.`;
}
