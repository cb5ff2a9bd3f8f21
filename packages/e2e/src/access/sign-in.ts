/** A signed-in dashboard session: the cookie header to send with each request. */
export type SessionCookie = { cookie: string };

/**
 * Signs in through next-auth's credentials endpoint over HTTP, as the sign-in form does
 * (GET /api/auth/csrf, then POST /api/auth/callback/credentials), and returns the cookies.
 */
export async function signIn(
  webUrl: string,
  credentials: { email: string; password: string },
): Promise<SessionCookie> {
  const csrf = await fetch(`${webUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map(readCookies(csrf.headers));
  const callback = await fetch(`${webUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: toHeader(jar) },
    body: new URLSearchParams({ csrfToken, ...credentials, json: "true" }),
  });
  for (const [name, value] of readCookies(callback.headers)) jar.set(name, value);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`Signing in as ${credentials.email} set no session cookie (HTTP ${callback.status}).`);
  }
  return { cookie: toHeader(jar) };
}

function readCookies(headers: Headers): [string, string][] {
  return headers.getSetCookie().map((line) => {
    const [pair = ""] = line.split(";");
    const index = pair.indexOf("=");
    return [pair.slice(0, index), pair.slice(index + 1)];
  });
}

function toHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}
