import { encode } from "next-auth/jwt";

/** The dashboard's session cookie over plain http, as the test stack serves it. */
export const SESSION_COOKIE = "next-auth.session-token";

type SessionUser = { userId: string; email: string; name?: string };

/**
 * A session token as the dashboard would issue one, made with the stack's NEXTAUTH_SECRET:
 * `expiresInSeconds` may be negative (already expired), `signedInSecondsAgo` sets the sign-in time.
 */
export function craftSessionToken(
  secret: string,
  user: SessionUser,
  options: { expiresInSeconds: number; signedInSecondsAgo?: number },
): Promise<string> {
  const signedInAt = Math.floor(Date.now() / 1000) - (options.signedInSecondsAgo ?? 0);
  return encode({
    secret,
    maxAge: options.expiresInSeconds,
    token: { sub: user.userId, userId: user.userId, email: user.email, name: user.name ?? "", signedInAt },
  });
}
