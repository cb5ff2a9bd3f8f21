import { createDb } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { type FakeGitHub, startFakeGitHub } from "@gatehouse/testing/start-fake-github";
import { TEST_DATABASE_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

const db = createDb(TEST_DATABASE_URL);
const GITHUB_CLIENT = { clientId: "gatehouse-e2e-client", clientSecret: "gatehouse-e2e-secret" };
const GOOGLE_CLIENT_ID = "gatehouse-e2e.apps.googleusercontent.com";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await db.$disconnect();
});

function newGitHubUser() {
  const suffix = uniqueSuffix();
  const id = Number.parseInt(suffix.slice(0, 8), 16);
  return {
    id,
    login: `octo-${suffix}`,
    name: `Octo ${suffix}`,
    email: `octo-${suffix}@example.test`,
    isEmailVerified: true,
  };
}

// Each test's own cookies; all closed before their stack stops, as open connections would hold it up.
const contexts: BrowserContext[] = [];

async function newPage(stack: Stack): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.webUrl });
  contexts.push(context);
  return context.newPage();
}

async function closePages() {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in**");
}

describe("with GitHub and Google configured", () => {
  let github: FakeGitHub;
  let stack: Stack;

  beforeAll(async () => {
    github = await startFakeGitHub({ ...GITHUB_CLIENT, user: newGitHubUser() });
    stack = await startStack({
      env: {
        GITHUB_CLIENT_ID: GITHUB_CLIENT.clientId,
        GITHUB_CLIENT_SECRET: GITHUB_CLIENT.clientSecret,
        GITHUB_URL: github.url,
        GOOGLE_CLIENT_ID,
        GOOGLE_CLIENT_SECRET: "gatehouse-e2e-google-secret",
      },
    });
  });

  afterAll(async () => {
    await closePages();
    await stack?.stop();
    await github?.close();
  });

  it("signs a new person in with GitHub as the owner of a new organisation, and the same person next time", async () => {
    const user = newGitHubUser();
    github.user = user;
    const page = await newPage(stack);
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Continue with GitHub" }).click();
    await page.waitForURL("**/servers");
    await page.getByText(`${user.name}'s organisation`).first().waitFor();

    await signOut(page);
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/grants")}`);
    await page.getByRole("button", { name: "Continue with GitHub" }).click();
    await page.waitForURL("**/grants");

    const accounts = await db.user.findMany({ where: { email: user.email }, include: { memberships: true } });
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.passwordHash).toBeNull();
    expect(accounts[0]?.memberships.map((membership) => membership.role)).toEqual(["owner"]);
  });

  it("explains on the sign-in page why an unverified email cannot reach an existing account", async () => {
    const existing = await createTestAccount(db, "oauth-unverified");
    github.user = { ...newGitHubUser(), email: existing.email, isEmailVerified: false };
    const page = await newPage(stack);
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Continue with GitHub" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-in" && url.searchParams.has("error"));
    await page
      .getByRole("alert")
      .getByText("An account with this email already exists. Sign in with your password")
      .waitFor();
    expect(await db.oAuthAccount.count({ where: { userId: existing.userId } })).toBe(0);

    // The password still works, from the same page.
    await page.getByLabel("Email", { exact: true }).fill(existing.email);
    await page.getByLabel("Password", { exact: true }).fill(existing.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/servers");
  });

  it("sends Continue with Google to Google with our client id", async () => {
    const page = await newPage(stack);
    // There is no internet here: stop the browser where it was sent.
    await page.route("https://accounts.google.com/**", (route) => route.abort());
    await page.goto("/sign-up");
    const requested = page.waitForRequest((request) =>
      request.url().startsWith("https://accounts.google.com/"),
    );
    await page.getByRole("button", { name: "Continue with Google" }).click();
    const googleUrl = new URL((await requested).url());
    expect(googleUrl.pathname).toBe("/o/oauth2/v2/auth");
    expect(googleUrl.searchParams.get("client_id")).toBe(GOOGLE_CLIENT_ID);
    expect(googleUrl.searchParams.get("redirect_uri")).toBe(`${stack.webUrl}/api/auth/callback/google`);
    expect(googleUrl.searchParams.get("scope")).toBe("openid email profile");
  });
});

describe("without OAuth configured", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await closePages();
    await stack?.stop();
  });

  it("offers only email + password, which works", async () => {
    const account = await createTestAccount(db, "password-only");
    const page = await newPage(stack);
    for (const path of ["/sign-up", "/sign-in"]) {
      await page.goto(path);
      await page.getByLabel("Email", { exact: true }).waitFor();
      expect(await page.getByRole("button", { name: /Continue with/ }).count()).toBe(0);
    }
    await page.getByLabel("Email", { exact: true }).fill(account.email);
    await page.getByLabel("Password", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/servers");
  });
});
