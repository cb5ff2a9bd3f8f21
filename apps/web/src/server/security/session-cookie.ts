import type { CookieOption } from "next-auth";

/** Whether the dashboard is served over https (by NEXTAUTH_URL), which decides Secure cookies and HSTS. */
export function isHttpsUrl(url: string | undefined): boolean {
  return url?.startsWith("https://") ?? false;
}

/**
 * The session cookie's name. Over https it carries the `__Secure-` prefix, so browsers refuse
 * it unless it is Secure and set by a secure origin (a network attacker cannot plant one).
 */
export function sessionCookieName(isHttps: boolean): string {
  return `${isHttps ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * The session cookie, spelled out rather than left to next-auth's defaults: HttpOnly so page
 * scripts never read it, SameSite=Lax so other sites' forms and fetches do not carry it, and
 * Secure over https.
 */
export function sessionCookie(isHttps: boolean): CookieOption {
  return {
    name: sessionCookieName(isHttps),
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: isHttps },
  };
}
