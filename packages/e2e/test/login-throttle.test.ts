import { uniqueSuffix } from "@gatehouse/testing/test-env";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { signUpInBrowser } from "../src/browser-account";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  page = await (await browser.newContext({ baseURL: stack.webUrl })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const suffix = uniqueSuffix();
const account = { email: `throttled-${suffix}@example.test`, password: "correct horse battery" };

async function signIn(password: string) {
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  // Waits for the server's answer, so every attempt is counted before the next one starts.
  const answered = page.waitForResponse((response) =>
    response.url().includes("/api/auth/callback/credentials"),
  );
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

describe("sign-in throttling in the browser", () => {
  it("refuses even the right password after 5 wrong ones, saying how long to wait", async () => {
    await signUpInBrowser(page, {
      name: "Ada Throttled",
      email: account.email,
      password: account.password,
      organizationName: `Throttled lab ${suffix}`,
    });
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in**");

    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(`wrong password ${attempt}`);
      await page.getByRole("alert").getByText("Email or password is incorrect.").waitFor();
    }
    await signIn(account.password);
    await page.getByRole("alert").getByText("Too many failed sign-ins. Try again in 15 minutes.").waitFor();
  });
});
