import { createGrant } from "@gatehouse/core/grants/create-grant";
import { createDb } from "@gatehouse/db/client";
import { type OAuthUpstream, startOAuthUpstream } from "@gatehouse/testing/start-oauth-upstream";
import { TEST_DATABASE_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

// Short enough that the test sees a token expire, long enough for the dashboard steps between.
const ACCESS_TOKEN_LIFETIME_MS = 4_000;
const db = createDb(TEST_DATABASE_URL);
let stack: Stack;
let upstream: OAuthUpstream;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, upstream, browser] = await Promise.all([
    startStack(),
    startOAuthUpstream({ accessTokenLifetimeMs: ACCESS_TOKEN_LIFETIME_MS }),
    launchBrowser(),
  ]);
  page = await (await browser.newContext({ baseURL: stack.webUrl })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([stack?.stop(), upstream?.close(), db.$disconnect()]);
});

const suffix = uniqueSuffix();
const email = `oauth-${suffix}@example.test`;

/** Calls `echo` through the proxy with the real SDK client, as an agent would. */
async function echoThroughProxy(proxyUrl: string, message: string): Promise<unknown> {
  const client = new Client({ name: "oauth-agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(proxyUrl)));
  try {
    return await client.callTool({ name: "echo", arguments: { message } });
  } finally {
    await client.close();
  }
}

describe("an upstream that requires OAuth", () => {
  let proxyUrl = "";

  it("is registered as using OAuth, with discovery waiting for Connect", async () => {
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Olga OAuth");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
    await page.getByLabel("Organisation name").fill(`OAuth lab ${suffix}`);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/servers");

    await page.goto("/servers/new");
    await page.getByLabel("Name", { exact: true }).fill("protected upstream");
    await page.getByLabel("URL", { exact: true }).fill(upstream.url);
    await page.getByRole("button", { name: "Register server" }).click();
    await page.waitForURL(
      (url) => /^\/servers\/[^/]+$/.test(url.pathname) && url.pathname !== "/servers/new",
    );

    const section = page.getByTestId("oauth-section");
    await section.waitFor();
    expect(await page.getByTestId("oauth-status").textContent()).toContain("Not connected");
    expect(await section.textContent()).toContain("wait until it is connected");
  });

  it("connects through the authorization server and comes back connected", async () => {
    await page.getByRole("button", { name: "Connect", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("oauth") === "connected");
    expect(await page.getByTestId("oauth-status").textContent()).toMatch(/Connected\s*as of/);
    expect(await page.getByTestId("form-success").textContent()).toContain("Connected.");
    expect(upstream.requestedResources()).toContain(upstream.url);

    await page.getByRole("button", { name: "Connect & discover" }).click();
    await page.getByText("Found 1 tool").waitFor();
  });

  it("forwards an agent's call with the access token, and refreshes it once expired", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    const orgId = user.memberships[0]?.orgId ?? "";
    const server = await db.mcpServer.findFirstOrThrow({ where: { orgId } });
    const { token } = await createGrant({
      db,
      orgId,
      actor: { type: "user", id: user.id, name: user.name },
      input: { serverId: server.id, name: "oauth agent", policy: '{ "version": "1", "default": "allow" }' },
    });
    proxyUrl = `${stack.proxyUrl}/g/${token}/mcp`;
    expect(await echoThroughProxy(proxyUrl, "first")).toMatchObject({ content: [{ text: "first" }] });

    const refreshes = upstream.refreshCount();
    upstream.expireAccessTokens();
    await new Promise((resolve) => setTimeout(resolve, ACCESS_TOKEN_LIFETIME_MS));
    expect(await echoThroughProxy(proxyUrl, "second")).toMatchObject({ content: [{ text: "second" }] });
    expect(upstream.refreshCount()).toBeGreaterThan(refreshes);
    expect(stack.logs()).not.toMatch(/\bat-[0-9a-f-]{36}\b|\brt-[0-9a-f-]{36}\b/);
  });

  it("shows 'Needs reconnecting' once the authorization server refuses the refresh", async () => {
    upstream.revokeRefreshTokens();
    upstream.expireAccessTokens();
    await new Promise((resolve) => setTimeout(resolve, ACCESS_TOKEN_LIFETIME_MS));
    await expect(echoThroughProxy(proxyUrl, "third")).rejects.toThrow(/click Connect/);
    await page.reload();
    expect(await page.getByTestId("oauth-status").textContent()).toContain("Needs reconnecting");
    expect(await page.getByTestId("oauth-section").textContent()).toContain("invalid_grant");
  });
});
