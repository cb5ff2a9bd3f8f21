import { createGrant } from "@gatehouse/core/grants/create-grant";
import { createDb } from "@gatehouse/db/client";
import { eventually } from "@gatehouse/testing/eventually";
import { startTestUpstream, type TestUpstream } from "@gatehouse/testing/start-test-upstream";
import { TEST_DATABASE_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInBrowser } from "../src/browser-account";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

const db = createDb(TEST_DATABASE_URL);
let stack: Stack;
let upstream: TestUpstream;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, upstream, browser] = await Promise.all([startStack(), startTestUpstream(), launchBrowser()]);
  page = await (await browser.newContext({ baseURL: stack.webUrl })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([stack?.stop(), upstream?.stop(), db.$disconnect()]);
});

const suffix = uniqueSuffix();
const email = `keys-${suffix}@example.test`;
const FIRST_SECRET = `first-secret-${suffix}`;
const SECOND_SECRET = `second-secret-${suffix}`;

/** Lists tools through the proxy on a new session, as an agent connecting afresh would. */
async function listToolsThroughProxy(proxyUrl: string): Promise<void> {
  const client = new Client({ name: "credentials-agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(proxyUrl)));
  try {
    await client.listTools();
  } finally {
    await client.close();
  }
}

/** The X-Upstream-Key values the upstream received since `from` requests ago. */
function keysSentSince(from: number): (string | string[] | undefined)[] {
  return upstream
    .requestHeaders()
    .slice(from)
    .map((headers) => headers["x-upstream-key"]);
}

/** The server page as the server sends it: HTML plus the React payload embedded in it. */
async function rawPage(path: string): Promise<string> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return response.text();
}

describe("write-only server credentials", () => {
  let serverPath = "";
  let proxyUrl = "";

  it("registers a server with a header and never shows its value, only its name", async () => {
    await signUpInBrowser(page, { name: "Kim Keys", email: email, organizationName: `Keys lab ${suffix}` });

    await page.goto("/servers/new");
    await page.getByLabel("Name", { exact: true }).fill("keyed upstream");
    await page.getByLabel("URL", { exact: true }).fill(upstream.url);
    await page.getByLabel("Headers", { exact: true }).fill(`X-Upstream-Key: ${FIRST_SECRET}`);
    await page.getByRole("button", { name: "Register server" }).click();
    await page.waitForURL(
      (url) => /^\/servers\/[^/]+$/.test(url.pathname) && url.pathname !== "/servers/new",
    );
    serverPath = new URL(page.url()).pathname;

    const row = page.locator('[data-testid="credential-row"][data-name="X-Upstream-Key"]');
    await row.waitFor();
    expect(await row.textContent()).toContain("value set");
    const valueInput = row.getByLabel("New value for X-Upstream-Key");
    expect(await valueInput.getAttribute("type")).toBe("password");
    expect(await valueInput.inputValue()).toBe("");
    expect(await page.content()).not.toContain(FIRST_SECRET);
    expect(await rawPage(serverPath)).not.toContain(FIRST_SECRET);
  });

  it("sends the stored value upstream through the proxy", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    const orgId = user.memberships[0]?.orgId ?? "";
    const server = await db.mcpServer.findFirstOrThrow({ where: { orgId } });
    const { token } = await createGrant({
      db,
      orgId,
      actor: { type: "user", id: user.id, name: user.name },
      input: { serverId: server.id, name: "keyed agent", policy: '{ "version": "1", "default": "allow" }' },
    });
    proxyUrl = `${stack.proxyUrl}/g/${token}/mcp`;
    const before = upstream.requestHeaders().length;
    await listToolsThroughProxy(proxyUrl);
    const sent = keysSentSince(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent)).toEqual(new Set([FIRST_SECRET]));
  });

  it("says what to fix when the new value is empty, and keeps the old one", async () => {
    const row = page.locator('[data-testid="credential-row"][data-name="X-Upstream-Key"]');
    await row.getByRole("button", { name: "Replace" }).click();
    await page.getByTestId("credential-X-Upstream-Key-value-error").waitFor();
    expect(await page.getByTestId("credential-X-Upstream-Key-value-error").textContent()).toBe(
      "Enter the value.",
    );
  });

  it("replaces the value through the form, and the proxy's next session sends the new one", async () => {
    const row = page.locator('[data-testid="credential-row"][data-name="X-Upstream-Key"]');
    await row.getByLabel("New value for X-Upstream-Key").fill(SECOND_SECRET);
    await row.getByRole("button", { name: "Replace" }).click();
    await page.getByTestId("form-success").waitFor();
    expect(await page.getByTestId("form-success").textContent()).toContain(
      "Saved the new value of X-Upstream-Key.",
    );
    // Inputs are cleared after saving: the value typed is not left in the page.
    expect(await page.getByLabel("New value for X-Upstream-Key").inputValue()).toBe("");
    expect(await rawPage(serverPath)).not.toContain(SECOND_SECRET);

    await eventually(async () => {
      const before = upstream.requestHeaders().length;
      await listToolsThroughProxy(proxyUrl);
      expect(new Set(keysSentSince(before))).toEqual(new Set([SECOND_SECRET]));
    });
  });

  it("adds and removes a header by name", async () => {
    await page.getByLabel("Header name").fill("X-Extra");
    await page.getByLabel("Value", { exact: true }).fill(`extra-${suffix}`);
    await page.getByRole("button", { name: "Add header" }).click();
    const extra = page.locator('[data-testid="credential-row"][data-name="X-Extra"]');
    await extra.waitFor();
    await extra.getByRole("button", { name: "Remove" }).click();
    await extra.waitFor({ state: "detached" });
    expect(await page.getByTestId("form-success").textContent()).toContain("Removed X-Extra.");
    expect(stack.logs()).not.toContain(SECOND_SECRET);
    expect(stack.logs()).not.toContain(FIRST_SECRET);
  });
});
