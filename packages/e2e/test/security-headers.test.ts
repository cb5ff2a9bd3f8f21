import { randomBytes } from "node:crypto";
import { insertAuditEvents } from "@gatehouse/core/audit/insert-audit-events";
import { createDb } from "@gatehouse/db/client";
import { auditEvent } from "@gatehouse/testing/audit-fixtures";
import { createTestGrant } from "@gatehouse/testing/create-test-grant";
import { TEST_DATABASE_URL } from "@gatehouse/testing/test-env";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInInBrowser } from "../src/browser-account";
import { launchBrowser } from "../src/launch-browser";
import { craftSessionToken, SESSION_COOKIE } from "../src/session-cookie";
import { type Stack, startStack } from "../src/start-stack";

const db = createDb(TEST_DATABASE_URL);
const SECRET = randomBytes(32).toString("base64");
const FOREIGN_ORIGIN = "https://evil.example";
const FIXED_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};
let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let grant: Awaited<ReturnType<typeof createTestGrant>>;
// Every CSP violation any page reports, from the browser's console and the DOM event.
const violations: string[] = [];

beforeAll(async () => {
  [stack, browser, grant] = await Promise.all([
    startStack({ env: { NEXTAUTH_SECRET: SECRET } }),
    launchBrowser(),
    createTestGrant(db, "webhard"),
  ]);
  await insertAuditEvents({
    db,
    events: [
      auditEvent(grant.orgId, { grantId: grant.grantId, serverId: grant.serverId, tool: "read_file" }),
      auditEvent(grant.orgId, { grantId: grant.grantId, serverId: grant.serverId, decision: "deny" }),
    ],
  });
  context = await browser.newContext({ baseURL: stack.webUrl });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.webUrl });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const where = `${location.pathname} (${event.sourceFile}:${event.lineNumber})`;
      console.error(`CSP violation on ${where}: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page = await context.newPage();
  page.on("console", (message) => {
    if (/Content Security Policy|CSP violation|Refused to/.test(message.text()))
      violations.push(message.text());
  });
  await signInInBrowser(page, grant);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await db.$disconnect();
});

/** The browser's session cookie header, for requests made outside the browser. */
async function sessionCookieHeader(): Promise<string> {
  const cookie = (await context.cookies()).find((found) => found.name === SESSION_COOKIE);
  if (!cookie) throw new Error("The browser has no session cookie.");
  return `${cookie.name}=${cookie.value}`;
}

function get(path: string, cookie?: string): Promise<Response> {
  return fetch(`${stack.webUrl}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
}

function nonceOf(response: Response): string {
  const match = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "");
  if (!match?.[1]) throw new Error("No nonce in the Content-Security-Policy.");
  return match[1];
}

describe("security headers", () => {
  it("are on pages, dashboard JSON, the sign-in page and the 404 page", async () => {
    const cookie = await sessionCookieHeader();
    const responses = {
      page: await get("/servers", cookie),
      json: await get("/api/dashboard/approvals/count", cookie),
      signIn: await get("/sign-in"),
      notFound: await get("/no-such-page", cookie),
    };
    expect([
      responses.page.status,
      responses.json.status,
      responses.signIn.status,
      responses.notFound.status,
    ]).toEqual([200, 200, 200, 404]);
    for (const [name, response] of Object.entries(responses)) {
      const header = (headerName: string) => response.headers.get(headerName) ?? "";
      for (const [headerName, value] of Object.entries(FIXED_HEADERS)) {
        expect(header(headerName), `${headerName} on ${name}`).toBe(value);
      }
      expect(header("permissions-policy"), name).toContain("camera=()");
      expect(header("cache-control"), name).toContain("no-store");
      // The stack serves plain http: HSTS there would be ignored at best, so it is not sent.
      expect(header("strict-transport-security"), name).toBe("");
      const policy = header("content-security-policy");
      expect(policy, name).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
      expect(policy, name).toContain("frame-ancestors 'none'");
      expect(policy, name).toContain("object-src 'none'");
      expect(policy, name).not.toContain("unsafe-eval");
    }
  });

  it("uses a fresh nonce per response, the one Next stamps on the page's scripts", async () => {
    const [first, second] = [await get("/sign-in"), await get("/sign-in")];
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    const html = await first.text();
    const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((match) => match[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonceOf(first)]));
  });
});

describe("the pages under the Content-Security-Policy", () => {
  it("all work with no violation: lists, the CodeMirror editor, charts, API docs, copy buttons", async () => {
    await page.goto("/servers");
    await page
      .getByRole("link", { name: /^webhard / })
      .first()
      .waitFor();
    await page.goto(`/servers/${grant.serverId}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.goto(`/policies/${grant.policyId}`);
    await page.getByRole("tab", { name: "JSON" }).click();
    await page.getByTestId("policy-json").locator(".cm-content").waitFor();
    expect(await page.getByRole("textbox", { name: "Policy", exact: true }).textContent()).toContain(
      '"default"',
    );
    await page.goto("/audit/overview");
    await page.getByTestId("chart-calls").locator("svg.recharts-surface").first().waitFor();
    await page.goto("/docs/api");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.goto("/settings/api-keys");
    await page.getByLabel("Key name").fill("csp check");
    await page.getByRole("button", { name: "Create API key" }).click();
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByText("Copied to clipboard").waitFor();
    expect(violations).toEqual([]);
  });
});

describe("cross-site request forgery", () => {
  it("refuses a Server Action posted from another origin, and changes nothing", async () => {
    await page.goto(`/grants/${grant.grantId}`);
    await page.getByRole("button", { name: "Revoke grant" }).click();
    // Captures the real action request the browser would send, without letting it through.
    const captured = new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve) => {
      void page.route("**/grants/**", async (route) => {
        const request = route.request();
        if (request.method() !== "POST") return route.continue();
        resolve({ headers: await request.allHeaders(), body: request.postDataBuffer() ?? Buffer.alloc(0) });
        await route.abort();
      });
    });
    await page.getByRole("button", { name: "Confirm revoke" }).click();
    const action = await captured;
    await page.unrouteAll({ behavior: "ignoreErrors" });
    const replay = (origin: string) =>
      fetch(`${stack.webUrl}/grants/${grant.grantId}`, {
        method: "POST",
        headers: { ...withoutPseudoHeaders(action.headers), origin },
        body: new Uint8Array(action.body),
        redirect: "manual",
      });

    expect((await replay(FOREIGN_ORIGIN)).status).toBeGreaterThanOrEqual(400);
    expect((await db.grant.findUniqueOrThrow({ where: { id: grant.grantId } })).revokedAt).toBeNull();
    // The same request from the dashboard's own origin does revoke: the refusal was the Origin.
    expect((await replay(stack.webUrl)).status).toBe(200);
    expect((await db.grant.findUniqueOrThrow({ where: { id: grant.grantId } })).revokedAt).not.toBeNull();
  });

  it("refuses a write to the dashboard JSON API from another origin with a 403 that says why", async () => {
    const cookie = await sessionCookieHeader();
    const post = (headers: Record<string, string>) =>
      fetch(`${stack.webUrl}/api/dashboard/approvals`, { method: "POST", headers: { cookie, ...headers } });
    const foreign = await post({ origin: FOREIGN_ORIGIN });
    expect(foreign.status).toBe(403);
    const body = (await foreign.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("forbidden");
    expect(body.error.message).toContain("did not come from the Gatehouse dashboard");
    expect((await post({})).status).toBe(403);
    // From the dashboard's origin the request reaches the route (which has no POST).
    expect((await post({ origin: stack.webUrl })).status).toBe(405);
  });

  it("refuses a next-auth sign-in without its CSRF token, and accepts one with it", async () => {
    const credentials = { email: grant.email, password: grant.password };
    const withoutToken = await postCredentials(credentials);
    expect(withoutToken.headers.get("location")).toContain("csrf=true");
    expect(sessionCookieFrom(withoutToken)).toBeUndefined();

    const csrf = await fetch(`${stack.webUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
    const withToken = await postCredentials({ ...credentials, csrfToken }, csrfCookie.join("; "));
    const sessionCookie = sessionCookieFrom(withToken);
    expect(sessionCookie).toBeDefined();
    expect(sessionCookie).toMatch(/; HttpOnly/i);
    expect(sessionCookie).toMatch(/; SameSite=Lax/i);
    expect(sessionCookie).toMatch(/; Path=\//i);
  });
});

function postCredentials(fields: Record<string, string>, cookie = ""): Promise<Response> {
  return fetch(`${stack.webUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: stack.webUrl },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}

function sessionCookieFrom(response: Response): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
}

// HTTP/2-style pseudo headers Playwright may report; fetch refuses them.
function withoutPseudoHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.startsWith(":") && name !== "host"),
  );
}

describe("session expiry", () => {
  const user = () => ({ userId: grant.userId, email: grant.email });

  it("treats an expired, over-age or tampered session cookie as signed out", async () => {
    const fresh = await craftSessionToken(SECRET, user(), { expiresInSeconds: 3600 });
    const expired = await craftSessionToken(SECRET, user(), { expiresInSeconds: -60 });
    const overAge = await craftSessionToken(SECRET, user(), {
      expiresInSeconds: 3600,
      signedInSecondsAgo: 13 * 60 * 60,
    });
    const tampered = `${fresh.slice(0, -4)}AAAA`;
    // The crafted cookie is a real session, so each refusal below is the expiry's doing.
    expect((await get("/servers", `${SESSION_COOKIE}=${fresh}`)).status).toBe(200);
    expect((await get("/api/dashboard/approvals/count", `${SESSION_COOKIE}=${fresh}`)).status).toBe(200);
    for (const token of [expired, overAge, tampered]) {
      const page = await get("/servers", `${SESSION_COOKIE}=${token}`);
      expect(page.status).toBe(307);
      expect(page.headers.get("location")).toContain("/sign-in?reason=session-expired");
      expect(sessionCookieFrom(page)).toMatch(/Max-Age=0/i);
      const json = await get("/api/dashboard/approvals/count", `${SESSION_COOKIE}=${token}`);
      expect(json.status).toBe(401);
    }
  });

  it("sends the browser to sign in, saying the session expired", async () => {
    const expired = await craftSessionToken(SECRET, user(), { expiresInSeconds: -60 });
    const stale = await browser.newContext({ baseURL: stack.webUrl });
    await stale.addCookies([{ name: SESSION_COOKIE, value: expired, url: stack.webUrl }]);
    const stalePage = await stale.newPage();
    await stalePage.goto("/servers");
    await stalePage.waitForURL("**/sign-in?reason=session-expired");
    await stalePage.getByText("Your session expired, sign in again.").waitFor();
    expect((await stale.cookies()).map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);
    await stale.close();
  });

  it("signs out under the policy, ending the session", async () => {
    await page.goto("/servers");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);
    // The sign-in form checks its fields before asking the server, next to each field.
    await page.getByRole("button", { name: "Sign in" }).click();
    expect(await page.getByTestId("email-error").textContent()).toBe("Enter your email address.");
    expect(await page.getByTestId("password-error").textContent()).toBe("Enter your password.");
    expect(violations).toEqual([]);
  });
});
