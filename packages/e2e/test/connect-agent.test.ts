import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { createDb } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { type RunningServer, startEverythingServer } from "@gatehouse/testing/start-everything-server";
import { TEST_DATABASE_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../src/api-client";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

// Snippets run from inside this package, so `@modelcontextprotocol/sdk` resolves as it would for a user.
const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const GRANT_NAME = `Ops "night" bot's $HOME ${uniqueSuffix()}`;
const CLIENTS = ["Claude Desktop", "Claude Code", "Cursor", "VS Code", "TypeScript SDK", "Python SDK"];

const db = createDb(TEST_DATABASE_URL);
let stack: Stack;
let upstream: RunningServer;
let browser: Browser;
let page: Page;
let serverId = "";

beforeAll(async () => {
  const owner = await createTestAccount(db, "connect-e2e");
  [stack, upstream, browser] = await Promise.all([startStack(), startEverythingServer(), launchBrowser()]);
  const { key } = await createApiKey({ db, orgId: owner.orgId, actor: owner.actor, name: "connect" });
  const api = createApiClient({ baseUrl: stack.webUrl, key });
  const server = await api.post("/api/v1/servers", {
    name: `everything ${uniqueSuffix()}`,
    transport: "streamable_http",
    url: upstream.url,
  });
  serverId = server.body.server.id;
  expect((await api.post(`/api/v1/servers/${serverId}/discover`)).status).toBe(200);

  const context = await browser.newContext({ baseURL: stack.webUrl });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.webUrl });
  page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(owner.email);
  await page.getByLabel("Password", { exact: true }).fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/servers");
});

afterAll(async () => {
  await Promise.all([browser?.close(), stack?.stop(), upstream?.stop()]);
  await db.$disconnect();
});

/** Selects a client's tab and returns the text of each snippet it shows. */
async function snippetsFor(scope: Locator, client: string): Promise<string[]> {
  await scope.getByRole("tab", { name: client, exact: true }).click();
  const panel = scope.getByRole("tabpanel", { name: client, exact: true });
  await panel.waitFor();
  return panel.getByTestId("agent-snippet").allTextContents();
}

/** Runs the TypeScript SDK snippet as the dashboard shows it, as an ES module under Node. */
async function runTypescriptSnippet(code: string): Promise<string> {
  const dir = await mkdtemp(path.join(PACKAGE_DIR, ".connect-agent-"));
  try {
    await writeFile(path.join(dir, "agent.mjs"), code);
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(dir, "agent.mjs")], {
      timeout: 30_000,
    });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("connect your agent", () => {
  let proxyUrl = "";
  let typescriptSnippet = "";

  it("shows every client's snippet with the real URL once the grant is created, and copies one", async () => {
    await page.goto(`/grants/new?serverId=${serverId}`);
    await page.getByLabel("Agent name").fill(GRANT_NAME);
    await page.getByRole("tab", { name: "JSON" }).click();
    await page.getByTestId("policy-json").locator(".cm-content").waitFor();
    await page.getByLabel("Policy", { exact: true }).fill('{"version":"1","default":"allow"}');
    await page.getByRole("button", { name: "Create grant" }).click();
    proxyUrl = (await page.getByTestId("proxy-url").textContent())?.trim() ?? "";
    expect(proxyUrl).toMatch(new RegExp(`^${stack.proxyUrl}/g/ghg_[A-Za-z0-9_-]{43}/mcp$`));
    const token = proxyUrl.split("/g/")[1]?.replace("/mcp", "") ?? "";

    const panel = page.getByRole("region", { name: `Grant created for ${GRANT_NAME}` });
    for (const client of CLIENTS) {
      const snippets = await snippetsFor(panel, client);
      expect(snippets.length, client).toBeGreaterThan(0);
      expect(snippets[0], client).toContain(proxyUrl);
    }
    const [, headerCommand] = await snippetsFor(panel, "Claude Code");
    // The odd grant name becomes a plain server name; the header is quoted for the shell.
    expect(headerCommand).toMatch(/^claude mcp add --transport http ops-night-bot-s-home-[a-z0-9_-]+ /);
    expect(headerCommand).toContain(` ${stack.proxyUrl}/mcp --header 'Authorization: Bearer ${token}'`);

    // The tabs follow the keyboard pattern: arrows move between clients.
    await panel.getByRole("tab", { name: "Cursor" }).click();
    await page.keyboard.press("ArrowRight");
    expect(await panel.getByRole("tab", { name: "VS Code" }).getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowLeft");
    const cursorPanel = panel.getByRole("tabpanel", { name: "Cursor" });
    await cursorPanel.getByRole("button", { name: "Copy" }).click();
    await cursorPanel.getByTestId("copy-status").getByText("Copied to clipboard").waitFor();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(Object.values(copied.mcpServers)).toEqual([{ url: proxyUrl }]);

    [typescriptSnippet = ""] = await snippetsFor(panel, "TypeScript SDK");
    expect(typescriptSnippet.match(/new URL\("([^"]+)"\)/)?.[1]).toBe(proxyUrl);
  });

  it("runs the TypeScript SDK snippet as shown: it connects through the proxy and lists the tools", async () => {
    const stdout = await runTypescriptSnippet(typescriptSnippet);
    expect(stdout).toContain("'echo'");
  });

  it("shows the snippets on the grant page later with a placeholder, never the token", async () => {
    await page.getByRole("link", { name: "Done: view the grant" }).click();
    await page.waitForURL(/\/grants\/[^/]+$/);
    const section = page.getByRole("region", { name: "Connect your agent", exact: true });
    expect(await section.getByTestId("connect-placeholder-note").textContent()).toContain("rotate the token");
    const [cursorConfig = "{}"] = await snippetsFor(section, "Cursor");
    expect(Object.values(JSON.parse(cursorConfig).mcpServers)).toEqual([
      { url: `${stack.proxyUrl}/g/<GRANT_TOKEN>/mcp` },
    ]);
    expect(await page.content()).not.toContain(proxyUrl);
  });

  it("fills the new URL into the snippets when the token is rotated", async () => {
    await page.getByRole("button", { name: "Rotate token" }).click();
    await page.getByRole("button", { name: "Confirm rotation" }).click();
    const rotatedUrl = (await page.getByTestId("proxy-url").textContent())?.trim() ?? "";
    expect(rotatedUrl).toMatch(new RegExp(`^${stack.proxyUrl}/g/ghg_[A-Za-z0-9_-]{43}/mcp$`));
    expect(rotatedUrl).not.toBe(proxyUrl);
    const panel = page.getByRole("region", { name: `New token for ${GRANT_NAME}` });
    const [vscodeConfig = "{}"] = await snippetsFor(panel, "VS Code");
    expect(Object.values(JSON.parse(vscodeConfig).servers)).toEqual([{ type: "http", url: rotatedUrl }]);
  });
});
