import { type RunningServer, startEverythingServer } from "@gatehouse/testing/start-everything-server";
import { uniqueSuffix } from "@gatehouse/testing/test-env";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInBrowser } from "../src/browser-account";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

let stack: Stack;
let upstream: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, upstream, browser] = await Promise.all([startStack(), startEverythingServer(), launchBrowser()]);
  const context = await browser.newContext({ baseURL: stack.webUrl });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([stack?.stop(), upstream?.stop()]);
});

const suffix = uniqueSuffix();
const SUM_REASON = "Sums are done by people.";
const VERSION_1 = {
  version: "1",
  default: "deny",
  hide: ["get-tiny-image"],
  tools: { echo: { action: "allow" }, "get-sum": { action: "deny", reason: SUM_REASON } },
};
const VERSION_2 = {
  ...VERSION_1,
  tools: {
    ...VERSION_1.tools,
    echo: { action: "allow", limits: [{ counter: "echo_rate", window: "minute", max: 30, scope: "grant" }] },
  },
};

/** The text CodeMirror shows (its lines joined; JSON reads the same without the line breaks). */
async function readJsonEditor(): Promise<unknown> {
  const content = page.getByRole("textbox", { name: "Policy", exact: true });
  await page.getByTestId("policy-json").locator(".cm-content").waitFor();
  return JSON.parse((await content.textContent()) ?? "");
}

async function replaceJson(text: string): Promise<void> {
  await page.getByTestId("policy-json").locator(".cm-content").waitFor();
  await page.getByRole("textbox", { name: "Policy", exact: true }).fill(text);
}

/** Clicks a button and waits for its panel to show the new answer (not the one already shown). */
async function submitAndRead(button: string, resultTestId: string): Promise<string> {
  const result = page.getByTestId(resultTestId);
  const before = await result.getAttribute("data-answered-at");
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.waitForFunction(
    ([testId, previous]) => {
      const answeredAt = document
        .querySelector(`[data-testid="${testId}"]`)
        ?.getAttribute("data-answered-at");
      return answeredAt != null && answeredAt !== previous;
    },
    [resultTestId, before] as const,
  );
  return (await result.textContent()) ?? "";
}

async function tryCall(tool: string, args: object): Promise<string> {
  await page.getByLabel("Tool name", { exact: true }).fill(tool);
  await page.getByLabel("Arguments (JSON)", { exact: true }).fill(JSON.stringify(args));
  return submitAndRead("Try it", "try-result");
}

async function connectAgent(url: string): Promise<Client> {
  const client = new Client({ name: "policy-e2e-agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

describe("policies in the browser: editor, history, try it, replay and enforcement", () => {
  let policyPath = "";
  let agent: Client;

  it("signs up, registers server-everything and discovers its tools", async () => {
    await signUpInBrowser(page, {
      name: "Pat Policy",
      email: `pat-${suffix}@example.test`,
      organizationName: `Policy lab ${suffix}`,
    });
    await page.getByRole("link", { name: "Register server" }).first().click();
    await page.getByLabel("Name", { exact: true }).fill("everything");
    await page.getByLabel("Streamable HTTP").check();
    await page.getByLabel("URL", { exact: true }).fill(upstream.url);
    await page.getByRole("button", { name: "Register server" }).click();
    await page.waitForURL(/\/servers\/[^/]+$/);
    await page.getByRole("button", { name: "Connect & discover" }).click();
    await page.getByTestId("tools-table").getByText("get-sum", { exact: true }).waitFor();
  });

  it("creates a policy in Visual mode, shown the same in JSON mode", async () => {
    await page.getByRole("link", { name: "Policies", exact: true }).click();
    await page.getByText("No policies yet").waitFor();
    await page.getByRole("link", { name: "New policy" }).click();
    await page.getByLabel("Policy name").fill("support");
    await page.getByLabel("Rule for echo").selectOption("allow");
    await page.getByLabel("Rule for get-sum").selectOption("deny");
    await page.getByLabel("Deny reason for get-sum").fill(SUM_REASON);
    await page.getByLabel("Rule for get-tiny-image").selectOption("hide");
    await page.getByRole("tab", { name: "JSON" }).click();
    expect(await readJsonEditor()).toEqual(VERSION_1);
    await page.getByRole("button", { name: "Create policy" }).click();
    await page.waitForURL(
      (url) => /^\/policies\/[^/]+$/.test(url.pathname) && url.pathname !== "/policies/new",
    );
    policyPath = new URL(page.url()).pathname;
    expect(await page.getByTestId("policy-version").textContent()).toContain("Version 1");
    expect(await page.getByLabel("Rule for get-tiny-image").inputValue()).toBe("hide");
  });

  it("keeps broken JSON out of Visual mode and lists validation errors as path: message", async () => {
    await page.getByRole("tab", { name: "JSON" }).click();
    await replaceJson('{"version": "1", "default": ');
    await page.getByRole("tab", { name: "Visual" }).click();
    expect(await page.getByTestId("mode-error").textContent()).toContain("invalid JSON");
    await replaceJson(JSON.stringify({ ...VERSION_2, default: "maybe" }, null, 2));
    await page.getByRole("button", { name: "Save policy" }).click();
    await page.getByTestId("policy-error").waitFor();
    expect(await page.getByTestId("policy-error").textContent()).toMatch(/default: /);
  });

  it("saves a JSON edit as version 2 and shows the change in the history", async () => {
    await replaceJson(JSON.stringify(VERSION_2, null, 2));
    await page.getByLabel("Change note").fill("Rate-limit echo");
    await page.getByRole("button", { name: "Save policy" }).click();
    await page.getByTestId("form-success").getByText("Saved as version 2.").waitFor();
    await page.getByRole("tab", { name: "Visual" }).click();
    expect(await page.getByLabel("Rule for echo").inputValue()).toBe("custom");
    expect(await page.getByLabel("Max of limit 1 for echo").inputValue()).toBe("30");

    await page.getByRole("link", { name: "History" }).click();
    await page.waitForURL(`**${policyPath}/versions`);
    expect(await page.getByTestId("versions-table").textContent()).toContain("Rate-limit echo");
    const diff = page.getByTestId("policy-diff");
    expect(await diff.locator('[data-kind="added"]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('"counter": "echo_rate"')]),
    );
    expect(await diff.locator('[data-kind="removed"]').count()).toBeGreaterThan(0);
  });

  it("rolls back to version 1 as version 3, identical to version 1", async () => {
    await page.getByRole("button", { name: "Roll back to version 1" }).click();
    await page.getByRole("button", { name: "Confirm roll back" }).click();
    await page.getByText("Rolled back: saved as version 3.").waitFor();
    await page.goto(`${policyPath}/versions?from=1&to=3`);
    await page.getByText("No differences.").waitFor();
    await page.goto(policyPath);
    await page.getByRole("tab", { name: "JSON" }).click();
    expect(await readJsonEditor()).toEqual(VERSION_1);
    expect(await page.getByTestId("policy-version").textContent()).toContain("Version 3");
  });

  it("tries calls against the editor's draft, saved or not", async () => {
    const echo = await tryCall("echo", { message: "hi" });
    expect(echo).toContain("allow");
    expect(echo).toContain("/tools/echo");
    const sum = await tryCall("get-sum", { a: 1, b: 2 });
    expect(sum).toContain("deny");
    expect(sum).toContain(SUM_REASON);
    expect(sum).toContain("/tools/get-sum");
    const hidden = await tryCall("get-tiny-image", {});
    expect(hidden).toContain("/hide/0");

    await page.getByRole("tab", { name: "Visual" }).click();
    await page.getByLabel("Rule for echo").selectOption("deny");
    expect(await tryCall("echo", { message: "hi" })).toMatch(/deny[\s\S]*\/tools\/echo/);
    await page.reload();
  });

  it("a grant using the policy lists and refuses tools through the proxy URL", async () => {
    await page.getByRole("link", { name: "Grants", exact: true }).click();
    await page.getByRole("link", { name: "Create grant" }).click();
    await page.getByLabel("Agent name").fill("support-bot");
    await page.getByLabel("Server").selectOption({ label: "everything" });
    await page.getByLabel("Use an existing policy").check();
    await page.getByLabel("Existing policy", { exact: true }).selectOption({ label: "support (v3)" });
    await page.getByRole("button", { name: "Create grant" }).click();
    const proxyUrl = (await page.getByTestId("proxy-url").textContent())?.trim() ?? "";

    agent = await connectAgent(proxyUrl);
    const { tools } = await agent.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["echo"]);
    const echoed = await agent.callTool({ name: "echo", arguments: { message: "through the gate" } });
    expect(JSON.stringify(echoed.content)).toContain("through the gate");
    const denied = await agent.callTool({ name: "get-sum", arguments: { a: 1, b: 2 } });
    expect(denied.isError).toBe(true);
    expect(JSON.stringify(denied.content)).toContain(`[POLICY DENIED] ${SUM_REASON}`);
    const hidden = await agent.callTool({ name: "get-tiny-image", arguments: {} });
    expect(JSON.stringify(hidden.content)).toContain("[POLICY DENIED]");
  });

  it("replays recent calls under a draft, then saves it and the connected agent follows at once", async () => {
    await page.goto(policyPath);
    await page.getByRole("link", { name: "support-bot" }).waitFor();
    await page.getByLabel("Rule for get-sum").selectOption("allow");
    // The worker files audit events asynchronously, so replay until the denied get-sum call is in.
    let replayed = "";
    for (let attempt = 0; attempt < 40 && !/[1-9]\d* of \d+ decisions/.test(replayed); attempt++) {
      if (attempt > 0) await page.waitForTimeout(250);
      replayed = await submitAndRead("Replay last 100 calls", "replay-result");
    }
    expect(await page.getByTestId("replay-summary").textContent()).toMatch(
      /^1 of \d+ decisions would change\.$/,
    );
    const firstRow = page.getByTestId("replay-row").first();
    expect(await firstRow.getAttribute("data-changed")).toBe("true");
    expect(await firstRow.textContent()).toContain("get-sum");

    await page.getByRole("button", { name: "Save policy" }).click();
    await page.getByTestId("form-success").getByText("Saved as version 4.").waitFor();
    const sum = await agent.callTool({ name: "get-sum", arguments: { a: 1, b: 2 } });
    expect(sum.isError).toBeFalsy();
    expect(JSON.stringify(sum.content)).toContain("3");
    const { tools } = await agent.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(["echo", "get-sum"]);
    await agent.close();
  });
});
