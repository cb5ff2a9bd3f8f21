import { type NextRequest, NextResponse } from "next/server";
import { getEnv } from "@/env";
import { buildContentSecurityPolicy, createNonce } from "@/server/security/content-security-policy";
import { isSameOriginRequest, isUnsafeMethod } from "@/server/security/same-origin";
import { buildSecurityHeaders } from "@/server/security/security-headers";
import { isHttpsUrl, sessionCookie } from "@/server/security/session-cookie";
import { hasStaleSessionCookie, SESSION_EXPIRED_PATH } from "@/server/security/stale-session";

const CROSS_ORIGIN_MESSAGE =
  "This request did not come from the Gatehouse dashboard, so it was refused. Make the change in the dashboard itself, or use the REST API (/api/v1) with an API key.";

// Signed-out pages, where a stale cookie needs no redirect (the person is signing in anyway).
const SIGNED_OUT_PAGES = ["/sign-in", "/sign-up"];

type SessionOptions = { secret: string; isHttps: boolean };

/**
 * Runs before every request: refuses cross-origin writes to the cookie-authenticated dashboard
 * API, sends a page request with an expired session to sign-in (clearing the cookie), and gives
 * every response the security headers and a Content-Security-Policy with a fresh nonce.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const env = getEnv();
  const isHttps = isHttpsUrl(env.NEXTAUTH_URL);
  const contentSecurityPolicy = buildContentSecurityPolicy({
    nonce: createNonce(),
    isDevelopment: env.NODE_ENV === "development",
  });
  const response =
    (await refuse(request, { secret: env.NEXTAUTH_SECRET, isHttps })) ??
    continueWithPolicy(request, contentSecurityPolicy);
  response.headers.set("content-security-policy", contentSecurityPolicy);
  for (const [name, value] of Object.entries(buildSecurityHeaders({ isHttps }))) {
    response.headers.set(name, value);
  }
  // Pages and JSON show tokens and audit data: no browser or shared cache may keep them.
  // Build assets are content-hashed and public, so they keep Next's long-lived caching.
  if (!request.nextUrl.pathname.startsWith("/_next/static/"))
    response.headers.set("cache-control", "no-store");
  return response;
}

/** The answer for a request that must go no further, or undefined to let it through. */
async function refuse(request: NextRequest, options: SessionOptions): Promise<NextResponse | undefined> {
  // /api/v1 authenticates by bearer API key, which browsers never attach on their own; only
  // the dashboard API rides on the session cookie. next-auth checks its own CSRF token, and
  // Next checks the Origin of every Server Action.
  const isDashboardWrite =
    request.nextUrl.pathname.startsWith("/api/dashboard/") && isUnsafeMethod(request.method);
  if (isDashboardWrite && !isSameOriginRequest(request.headers)) {
    return NextResponse.json(
      { error: { code: "forbidden", message: CROSS_ORIGIN_MESSAGE } },
      { status: 403 },
    );
  }
  if (isPageNavigation(request) && (await hasStaleSessionCookie(request, options))) {
    const redirect = NextResponse.redirect(new URL(SESSION_EXPIRED_PATH, request.url));
    // Deleted with the same attributes it was set with; a __Secure- cookie needs Secure even to go.
    const { name, options: attributes } = sessionCookie(options.isHttps);
    redirect.cookies.set(name, "", { ...attributes, maxAge: 0 });
    return redirect;
  }
  return undefined;
}

// Next reads the nonce from the request's Content-Security-Policy and puts it on its scripts.
function continueWithPolicy(request: NextRequest, contentSecurityPolicy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", contentSecurityPolicy);
  return NextResponse.next({ request: { headers } });
}

function isPageNavigation(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  return (
    request.method === "GET" &&
    !pathname.startsWith("/api/") &&
    !pathname.startsWith("/_next/") &&
    !SIGNED_OUT_PAGES.includes(pathname)
  );
}
