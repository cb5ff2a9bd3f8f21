import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import {
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
} from "@gatehouse/core/webhooks/sign-webhook-payload";
import { createDb } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { TEST_DATABASE_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInInBrowser, signUpInBrowser } from "../src/browser-account";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

type Received = { headers: IncomingHttpHeaders; body: string };

const db = createDb(TEST_DATABASE_URL);
let stack: Stack;
let browser: Browser;
let page: Page;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];

/** A local receiver standing in for the team's endpoint: records each request and answers 204. */
async function startReceiver(): Promise<void> {
  receiver = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const address = receiver.address();
  receiverUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/gatehouse`;
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser(), startReceiver()]);
  const context = await browser.newContext({ baseURL: stack.webUrl });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.webUrl });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await db.$disconnect();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

describe("webhooks in the browser", () => {
  it("sets a webhook, shows its secret once, and delivers a signed test the log shows as delivered", async () => {
    const suffix = uniqueSuffix();
    await signUpInBrowser(page, {
      name: "Wen Hook",
      email: `wen-${suffix}@example.test`,
      organizationName: `Hooks ${suffix}`,
    });

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Webhooks" }).click();
    await page.waitForURL("**/settings/webhooks");
    await page.getByText("No deliveries yet").waitFor();

    await page.getByLabel("Webhook URL").fill("ftp://example.test/hook");
    await page.getByRole("button", { name: "Create webhook" }).click();
    await page.getByTestId("url-error").getByText("Enter an http:// or https:// URL").waitFor();

    await page.getByLabel("Webhook URL").fill(receiverUrl);
    await page.getByRole("button", { name: "Create webhook" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByTestId("copy-status").getByText("Copied to clipboard").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    expect(await page.getByTestId("webhook-status").textContent()).toBe("Enabled");

    // Shown once: a reload shows only the secret's prefix.
    await page.reload();
    expect(await page.getByTestId("webhook-secret").count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect(await page.content()).toContain(secret.slice(0, 12));

    await page.getByRole("button", { name: "Send test" }).click();
    await page.getByText("Test queued.").waitFor();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    const [request] = received;
    if (!request) throw new Error("the receiver got nothing");
    const signature = request.headers[WEBHOOK_SIGNATURE_HEADER] as string;
    expect(verifyWebhookSignature(secret, signature, request.body, 300)).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({ event: "webhook.test" });
    expect(request.headers["x-gatehouse-event"]).toBe("webhook.test");

    const row = page.getByTestId("webhook-delivery-row").first();
    for (let attempt = 0; attempt < 40 && !(await rowSays(row, "delivered")); attempt++) {
      await page.waitForTimeout(250);
      await page.getByRole("link", { name: "Refresh" }).click();
    }
    const text = await row.textContent();
    expect(text).toContain("webhook.test");
    expect(text).toContain("delivered");
    expect(text).toContain("204");
  });

  it("disables, refuses a test while disabled, enables, rotates the secret and deletes, saying so each time", async () => {
    await page.getByRole("button", { name: "Disable" }).click();
    await page.getByText("Webhook disabled: nothing is sent").waitFor();
    await page.getByTestId("webhook-status").getByText("Disabled").waitFor();
    await page.getByRole("button", { name: "Send test" }).click();
    await page.getByText("The webhook is disabled. Enable it, then send a test.").waitFor();
    await page.getByRole("button", { name: "Enable" }).click();
    await page.getByText("Webhook enabled: new approval requests are sent to it.").waitFor();
    expect(await page.getByText("The webhook is disabled.").count()).toBe(0);

    await page.getByRole("button", { name: "Rotate secret" }).click();
    await page.getByRole("button", { name: "Confirm rotate" }).click();
    await page.getByText("Secret rotated").waitFor();
    const rotated = (await page.getByTestId("webhook-secret").textContent())?.trim() ?? "";
    expect(rotated).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await page.getByText(`Signing secret ${rotated.slice(0, 12)}…`).waitFor();

    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("button", { name: "Confirm delete" }).click();
    await page.getByText("Webhook deleted, with its delivery log.").waitFor();
    await page.getByRole("button", { name: "Create webhook" }).waitFor();
    await page.getByText("No deliveries yet").waitFor();
    expect(await page.getByTestId("webhook-secret").count()).toBe(0);
  });

  it("shows a viewer the webhook and its log read-only", async () => {
    const viewer = await createTestAccount(db, "webhook-viewer");
    await db.membership.updateMany({ where: { userId: viewer.userId }, data: { role: "viewer" } });
    await db.webhookEndpoint.create({
      data: {
        orgId: viewer.orgId,
        url: "https://hooks.example.test/viewer",
        secretEncrypted: "not-read-by-this-page",
        secretPrefix: "whsec_abcdef",
      },
    });
    const viewerPage = await (await browser.newContext({ baseURL: stack.webUrl })).newPage();
    await signInInBrowser(viewerPage, viewer);
    await viewerPage.goto("/settings/webhooks");
    await viewerPage
      .getByText("only owners and admins of your organisation see it and can change it")
      .waitFor();
    // The path can carry the receiver's token, so a viewer sees where messages go, not the URL.
    expect(await viewerPage.getByText("https://hooks.example.test/…").count()).toBe(1);
    expect(await viewerPage.content()).not.toContain("/viewer");
    expect(await viewerPage.getByRole("button").allTextContents()).toEqual(["Sign out"]);
  });
});

async function rowSays(row: ReturnType<Page["getByTestId"]>, status: string): Promise<boolean> {
  return (await row.count()) > 0 && ((await row.textContent()) ?? "").includes(status);
}
