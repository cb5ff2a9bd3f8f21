import { type RunningServer, startEverythingServer } from "@gatehouse/testing/start-everything-server";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInBrowser } from "../src/browser-account";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

let stack: Stack;
let upstream: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [stack, upstream, browser] = await Promise.all([startStack(), startEverythingServer(), launchBrowser()]);
  context = await browser.newContext({ baseURL: stack.webUrl });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.webUrl });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([stack?.stop(), upstream?.stop()]);
});

const suffix = uniqueSuffix();
const account = {
  name: "Ada Operator",
  email: `ada-${suffix}@example.test`,
  password: "correct horse battery",
};
const policy = {
  version: "1",
  default: "deny",
  tools: {
    echo: { limits: [{ counter: "echo_rate", window: "minute", max: 30, scope: "grant" }] },
    "get-sum": { action: "deny", reason: "Sums are done by people." },
  },
};

async function connectAgent(url: string): Promise<Client> {
  const client = new Client({ name: "e2e-agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

describe("the whole journey in the browser", () => {
  let copiedUrl = "";

  it("1. signs up, which creates the organisation", async () => {
    await signUpInBrowser(page, {
      name: account.name,
      email: account.email,
      password: account.password,
      organizationName: `Ada's lab ${suffix}`,
    });
    await expect(page.getByTestId("org-name").textContent()).resolves.toContain(`Ada's lab ${suffix}`);
    await page.getByText("Register your first server").waitFor();
  });

  it("2. registers an MCP server and discovers its tools", async () => {
    await page.getByRole("link", { name: "Register server" }).first().click();
    await page.getByLabel("Name", { exact: true }).fill("everything");
    await page.getByLabel("Streamable HTTP").check();
    await page.getByLabel("URL", { exact: true }).fill(upstream.url);
    await page.getByLabel("Headers").fill("Authorization: Bearer upstream-secret");
    await page.getByRole("button", { name: "Register server" }).click();
    await page.waitForURL(/\/servers\/[^/]+$/);
    await page.getByRole("button", { name: "Connect & discover" }).click();
    await page.getByTestId("form-success").waitFor();
    expect(await page.getByTestId("form-success").textContent()).toMatch(/Found \d+ tools/);
    await page.getByTestId("tools-table").getByText("get-sum", { exact: true }).waitFor();
    expect(await page.content()).not.toContain("upstream-secret");
  });

  it("3–4. creates a grant, rejecting an invalid policy with its path, and copies the proxy URL", async () => {
    await page.getByRole("link", { name: "Create grant for this server" }).click();
    await page.getByLabel("Agent name").fill("release-bot");
    // "Write a new policy" is the default; its editor opens in Visual mode, so switch to JSON.
    expect(await page.getByLabel("Write a new policy").isChecked()).toBe(true);
    await page.getByRole("tab", { name: "JSON" }).click();
    await page.getByTestId("policy-json").locator(".cm-content").waitFor();
    const policyField = page.getByLabel("Policy", { exact: true });
    await policyField.fill(
      '{"version":"1","default":"deny","tools":{"echo":{"limits":[{"counter":"x","window":"fortnight","max":1}]}}}',
    );
    await page.getByRole("button", { name: "Create grant" }).click();
    await page.getByTestId("policy-error").waitFor();
    expect(await page.getByTestId("policy-error").textContent()).toContain("tools.echo.limits[0].window");

    await policyField.fill(JSON.stringify(policy, null, 2));
    await page.getByRole("button", { name: "Create grant" }).click();
    const shown = (await page.getByTestId("proxy-url").textContent())?.trim() ?? "";
    expect(shown).toMatch(new RegExp(`^${stack.proxyUrl}/g/ghg_[A-Za-z0-9_-]{43}/mcp$`));
    await page.getByRole("button", { name: "Copy" }).first().click();
    await page.getByTestId("copy-status").getByText("Copied to clipboard").waitFor();
    copiedUrl = await page.evaluate(() => navigator.clipboard.readText());
    expect(copiedUrl).toBe(shown);
  });

  it("5. an MCP client given only the copied URL sees allowed tools and is refused the rest", async () => {
    const agent = await connectAgent(copiedUrl);
    const { tools } = await agent.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["echo"]);
    const echoed = await agent.callTool({ name: "echo", arguments: { message: "hello gatehouse" } });
    expect(JSON.stringify(echoed.content)).toContain("hello gatehouse");
    const denied = await agent.callTool({ name: "get-sum", arguments: { a: 1, b: 2 } });
    expect(denied.isError).toBe(true);
    expect(JSON.stringify(denied.content)).toContain("[POLICY DENIED] Sums are done by people.");
    const unlisted = await agent.callTool({ name: "get-tiny-image", arguments: {} });
    expect(JSON.stringify(unlisted.content)).toContain("[POLICY DENIED]");
    await agent.close();
  });

  it("6. every call shows in the audit log, filterable by decision", async () => {
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.waitForURL("**/audit**");
    const rows = page.getByTestId("audit-row");
    for (let attempt = 0; (await rows.count()) < 5 && attempt < 40; attempt++) {
      await page.waitForTimeout(250);
      await page.reload();
    }
    const text = await page.getByTestId("audit-table").textContent();
    for (const expected of [
      "initialize",
      "tools/list",
      "echo",
      "get-sum",
      "get-tiny-image",
      "Sums are done by people.",
    ]) {
      expect(text).toContain(expected);
    }
    await page.getByLabel("Decision").selectOption({ label: "Denied" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/decision=deny/);
    expect(await rows.count()).toBe(2);
  });

  it("revokes the grant, and the copied URL stops working", async () => {
    await page.getByRole("link", { name: "Grants" }).click();
    await page.getByTestId("grant-row").getByRole("link", { name: "release-bot", exact: true }).click();
    await page.getByRole("button", { name: "Revoke grant" }).click();
    await page.getByRole("button", { name: "Confirm revoke" }).click();
    await page.getByTestId("grant-revoked").waitFor();
    await expect(connectAgent(copiedUrl)).rejects.toThrow(/401|revoked/i);
  });

  it("1. signs out and back in", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in**");
    await page.goto("/servers");
    await page.waitForURL("**/sign-in**");
    await page.getByLabel("Email", { exact: true }).fill(account.email);
    await page.getByLabel("Password", { exact: true }).fill("wrong password here");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Email or password is incorrect.").waitFor();
    await page.getByLabel("Password", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/servers");
    await page.getByTestId("server-row").getByText("everything").waitFor();
  });
});
