import { createSecretBox } from "@gatehouse/core/secrets/secret-box";
import { registerServer } from "@gatehouse/core/servers/register-server";
import { createDb } from "@gatehouse/db/client";
import { mlflowDemoServer } from "@gatehouse/testing/stdio-test-servers";
import { TEST_DATABASE_URL, TEST_ENCRYPTION_KEY, uniqueSuffix } from "@gatehouse/testing/test-env";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

const db = createDb(TEST_DATABASE_URL);
let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ allowStdio: true }), launchBrowser()]);
  page = await (await browser.newContext({ baseURL: stack.webUrl })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([stack?.stop(), db.$disconnect()]);
});

const suffix = uniqueSuffix();
const email = `stdio-${suffix}@example.test`;

describe("a stdio server that exits before initialize", () => {
  it("is explained after discovery, next to the button and in the server's status", async () => {
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Sam Stdio");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
    await page.getByLabel("Organisation name").fill(`Stdio lab ${suffix}`);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/servers");

    // The MLflow stand-in registered without MLFLOW_TRACKING_URI, as the real server would fail.
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    const { serverId } = await registerServer({
      db,
      secretBox: createSecretBox(TEST_ENCRYPTION_KEY),
      orgId: user.memberships[0]?.orgId ?? "",
      actor: { type: "user", id: user.id, name: user.name },
      allowStdio: true,
      allowPrivateNetworks: false,
      input: { name: "MLflow without its URI", transport: "stdio", env: {}, ...mlflowDemoServer() },
    });
    await page.goto(`/servers/${serverId}`);
    await page.getByRole("button", { name: "Connect & discover" }).click();
    const expected = `The stdio server exited with code 1 before answering initialize. Its last output: Error: MLFLOW_TRACKING_URI environment variable is not set | Set it to your MLflow tracking server (e.g. http://localhost:5000); this demo server accepts any value, such as memory://demo. — check its command ("${process.execPath}") and environment (e.g. MLFLOW_TRACKING_URI).`;
    await page.getByTestId("discover-result").getByText(expected).waitFor();

    await page.reload();
    expect(await page.getByTestId("server-last-error").textContent()).toBe(expected);
  });
});
