import type { NextRequest } from "next/server";
import { sessionCookieName } from "./session-cookie";
import { sessionTokenCodec } from "./session-token";

/** The sign-in page's `reason` when a page request came with a stale session cookie. */
export const SESSION_EXPIRED_REASON = "session-expired";

/** Where a page request with a stale session cookie is sent; the sign-in page explains it. */
export const SESSION_EXPIRED_PATH = `/sign-in?reason=${SESSION_EXPIRED_REASON}`;

/**
 * Whether the request carries a session cookie that no longer opens a session: expired,
 * tampered with, or signed with a secret since rotated. (No cookie at all is not stale.)
 */
export async function hasStaleSessionCookie(
  request: NextRequest,
  options: { secret: string; isHttps: boolean },
): Promise<boolean> {
  const token = request.cookies.get(sessionCookieName(options.isHttps))?.value;
  if (!token) return false;
  return (await sessionTokenCodec.decode({ token, secret: options.secret })) === null;
}
