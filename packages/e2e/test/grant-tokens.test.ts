import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { createDb } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { eventually } from "@gatehouse/testing/eventually";
import { type RunningServer, startEverythingServer } from "@gatehouse/testing/start-everything-server";
import { TEST_DATABASE_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, createApiClient } from "../src/api-client";
import { signInInBrowser } from "../src/browser-account";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

const db = createDb(TEST_DATABASE_URL);
let stack: Stack;
let upstream: RunningServer;
let browser: Browser;
let owner: Awaited<ReturnType<typeof createTestAccount>>;
let api: ApiClient;
let outsider: ApiClient;
let serverId = "";
const bodies: string[] = [];

async function keyFor(account: Awaited<ReturnType<typeof createTestAccount>>) {
  return (await createApiKey({ db, orgId: account.orgId, actor: account.actor, name: "tokens" })).key;
}

beforeAll(async () => {
  owner = await createTestAccount(db, "tokens-e2e");
  const other = await createTestAccount(db, "tokens-e2e-other");
  [stack, upstream, browser] = await Promise.all([startStack(), startEverythingServer(), launchBrowser()]);
  const client = async (account: typeof owner) =>
    createApiClient({
      baseUrl: stack.webUrl,
      key: await keyFor(account),
      onBody: (text) => bodies.push(text),
    });
  [api, outsider] = await Promise.all([client(owner), client(other)]);
  const server = await api.post("/api/v1/servers", {
    name: `everything ${uniqueSuffix()}`,
    transport: "streamable_http",
    url: upstream.url,
  });
  serverId = server.body.server.id;
  expect((await api.post(`/api/v1/servers/${serverId}/discover`)).status).toBe(200);
});

afterAll(async () => {
  await Promise.all([browser?.close(), stack?.stop(), upstream?.stop()]);
  await db.$disconnect();
});

/** Whether an MCP client gets through the proxy with this URL (a real initialize and tools/list). */
async function worksThrough(proxyUrl: string): Promise<boolean> {
  const agent = new Client({ name: "tokens-e2e-agent", version: "1.0.0" });
  try {
    await agent.connect(new StreamableHTTPClientTransport(new URL(proxyUrl)));
    await agent.listTools();
    return true;
  } catch {
    return false;
  } finally {
    await agent.close().catch(() => undefined);
  }
}

async function createGrant(body: Record<string, unknown> = {}) {
  const created = await api.post("/api/v1/grants", {
    serverId,
    name: `agent ${uniqueSuffix()}`,
    policy: { version: "1", default: "allow" },
    ...body,
  });
  expect(created.status).toBe(201);
  return created.body as { grant: { id: string }; token: string; proxyUrl: string };
}

describe("grant tokens through the API", () => {
  it("rotates a token: the new one is returned once, the old one works for the grace period", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await createGrant({ expiresAt });
    expect(created.grant).toMatchObject({ expiresAt, lastUsedAt: null });

    const invalid = await api.post(`/api/v1/grants/${created.grant.id}/rotate`, {
      gracePeriodSeconds: 604_801,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.fields).toEqual([{ field: "gracePeriodSeconds", message: expect.any(String) }]);
    expect(
      (await outsider.post(`/api/v1/grants/${created.grant.id}/rotate`, { gracePeriodSeconds: 0 })).status,
    ).toBe(404);

    const rotated = await api.post(`/api/v1/grants/${created.grant.id}/rotate`, { gracePeriodSeconds: 3600 });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({
      token: expect.stringMatching(/^ghg_/),
      proxyUrl: `${stack.proxyUrl}/g/${rotated.body.token}/mcp`,
      isPropagated: true,
      grant: { id: created.grant.id, tokenPrefix: rotated.body.token.slice(0, 10), expiresAt },
    });
    expect(Date.parse(rotated.body.grant.previousTokenExpiresAt) - Date.now()).toBeGreaterThan(3_500_000);
    expect(await worksThrough(created.proxyUrl)).toBe(true);
    expect(await worksThrough(rotated.body.proxyUrl)).toBe(true);

    const again = await api.post(`/api/v1/grants/${created.grant.id}/rotate`, { gracePeriodSeconds: 0 });
    expect(again.body.grant.previousTokenExpiresAt).toBeNull();
    await eventually(async () => expect(await worksThrough(rotated.body.proxyUrl)).toBe(false));
    expect(await worksThrough(created.proxyUrl)).toBe(false);
    expect(await worksThrough(again.body.proxyUrl)).toBe(true);
    const fetched = await eventually(async () => {
      const response = await api.get(`/api/v1/grants/${created.grant.id}`);
      expect(response.body.grant.lastUsedAt).not.toBeNull();
      return response;
    });
    // Tokens travel only in the responses that issued them.
    expect(fetched.body).not.toHaveProperty("token");
    expect(JSON.stringify(fetched.body)).not.toContain(again.body.token);
  });

  it("sets, refuses a past, and clears a grant's expiry with PUT /expiry", async () => {
    const created = await createGrant();
    const path = `/api/v1/grants/${created.grant.id}/expiry`;
    const past = await api.put(path, { expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toEqual([
      { field: "expiresAt", message: expect.stringContaining("in the future") },
    ]);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    expect((await api.put(path, { expiresAt: at })).body.grant.expiresAt).toBe(at);
    expect((await api.put(path, { expiresAt: null })).body.grant.expiresAt).toBeNull();
    expect((await outsider.put(path, { expiresAt: null })).status).toBe(404);
  });
});

describe("grant tokens in the dashboard", () => {
  it("rotates a token after confirmation, shows it once, and the old URL stops working", async () => {
    const created = await createGrant();
    expect(await worksThrough(created.proxyUrl)).toBe(true);
    const page = await (await browser.newContext({ baseURL: stack.webUrl })).newPage();
    await signInInBrowser(page, owner);

    const row = page.getByTestId("grant-row").filter({ hasText: created.token.slice(0, 10) });
    await eventually(async () => {
      await page.goto("/grants");
      expect(await row.getByTestId("grant-last-used").textContent()).toBe("within the last minute");
    });

    await page.goto(`/grants/${created.grant.id}`);
    await page.getByLabel("The old token stops working").selectOption({ label: "Immediately" });
    await page.getByRole("button", { name: "Rotate token" }).click();
    await page.getByRole("button", { name: "Confirm rotation" }).click();
    const proxyUrl = (await page.getByTestId("proxy-url").textContent()) ?? "";
    expect(proxyUrl).toMatch(new RegExp(`^${stack.proxyUrl}/g/ghg_[A-Za-z0-9_-]+/mcp$`));
    expect(proxyUrl).not.toBe(created.proxyUrl);
    const newPrefix = proxyUrl.split("/g/")[1]?.slice(0, 10) ?? "";
    await expect.poll(() => page.getByTestId("token-prefix").textContent()).toBe(`${newPrefix}…`);
    expect(await worksThrough(proxyUrl)).toBe(true);
    await eventually(async () => expect(await worksThrough(created.proxyUrl)).toBe(false));

    await page.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => page.getByTestId("proxy-url").count()).toBe(0);
    await page.reload();
    expect(await page.content()).not.toContain(proxyUrl);

    await page.getByLabel("Expires (UTC, optional)").fill("2001-01-01T00:00");
    await page.getByRole("button", { name: "Save expiry" }).click();
    await expect.poll(() => page.getByTestId("expiresAt-error").textContent()).toContain("in the future");
    await page.getByLabel("Expires (UTC, optional)").fill("2099-01-31T17:00");
    await page.getByRole("button", { name: "Save expiry" }).click();
    await expect.poll(() => page.getByTestId("expires-at").textContent()).toContain("31 Jan 2099");
  });
});
