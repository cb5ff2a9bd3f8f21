// next-auth hands an error thrown in `authorize` to the browser only as its message (an `error`
// query parameter), so a throttled sign-in travels as this code with the minutes to wait.
const THROTTLED_PREFIX = "SignInThrottled:";

/** The error code the credentials provider throws when sign-in is throttled. */
export function throttledSignInError(retryAfterMs: number): string {
  return `${THROTTLED_PREFIX}${Math.max(1, Math.ceil(retryAfterMs / 60_000))}`;
}

/** What to tell the person for the error code next-auth returned from a sign-in. */
export function describeSignInError(code: string | null | undefined): string {
  if (code === "CredentialsSignin") return "Email or password is incorrect.";
  if (code?.startsWith(THROTTLED_PREFIX)) {
    const minutes = Number(code.slice(THROTTLED_PREFIX.length)) || 15;
    return `Too many failed sign-ins. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  }
  return "Could not sign in. Try again.";
}
