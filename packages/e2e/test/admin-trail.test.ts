import { createApiKey } from "@gatehouse/core/api-keys/create-api-key";
import { createDb } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { TEST_DATABASE_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, createApiClient } from "../src/api-client";
import { signInInBrowser } from "../src/browser-account";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

const db = createDb(TEST_DATABASE_URL);
const KEY_NAME = "release bot";
const HEADER_SECRET = `header-secret-${uniqueSuffix()}`;
let stack: Stack;
let browser: Browser;
let admin: Awaited<ReturnType<typeof createTestAccount>>;
let apiKeyId: string;
let api: ApiClient;
let outsider: ApiClient;

async function accountWithKey(label: string) {
  const account = await createTestAccount(db, label);
  const issued = await createApiKey({ db, orgId: account.orgId, actor: account.actor, name: KEY_NAME });
  return { account, ...issued };
}

beforeAll(async () => {
  const [mine, theirs] = await Promise.all([accountWithKey("trail-e2e"), accountWithKey("trail-e2e-other")]);
  ({ account: admin, apiKeyId } = mine);
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  api = createApiClient({ baseUrl: stack.webUrl, key: mine.key });
  outsider = createApiClient({ baseUrl: stack.webUrl, key: theirs.key });
});

afterAll(async () => {
  await Promise.all([browser?.close(), stack?.stop()]);
  await db.$disconnect();
});

describe("the admin trail", () => {
  it("lists a change made through the API under the key's name, without secrets, to its organisation only", async () => {
    const name = `trail server ${uniqueSuffix()}`;
    const registered = await api.post("/api/v1/servers", {
      name,
      transport: "streamable_http",
      url: "http://127.0.0.1:9/mcp",
      headers: { Authorization: `Bearer ${HEADER_SECRET}` },
    });
    expect(registered.status).toBe(201);

    const listed = await api.get("/api/v1/admin-events?action=server.registered");
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      events: [
        {
          id: expect.any(String),
          occurredAt: expect.any(String),
          actor: { type: "api_key", id: apiKeyId, name: `API key ${KEY_NAME}` },
          action: "server.registered",
          target: { type: "server", id: registered.body.server.id, name },
          details: {
            transport: "streamable_http",
            origin: "http://127.0.0.1:9",
            headerNames: ["Authorization"],
          },
        },
      ],
      nextCursor: null,
    });
    expect(JSON.stringify(listed.body)).not.toContain(HEADER_SECRET);
    const byActor = await api.get(`/api/v1/admin-events?actor=${encodeURIComponent("api KEY release")}`);
    expect(byActor.body.events.map((event: { action: string }) => event.action)).toEqual([
      "server.registered",
    ]);

    const unknownAction = await api.get("/api/v1/admin-events?action=server.exploded");
    expect(unknownAction.status).toBe(400);
    expect(unknownAction.body.error.fields).toEqual([{ field: "action", message: expect.any(String) }]);
    const theirs = await outsider.get("/api/v1/admin-events");
    expect(theirs.body.events.map((event: { action: string }) => event.action)).toEqual([
      "api_key.created",
      "user.signed_up",
    ]);
  });

  it("shows a change made in the dashboard with the person's name, linking to what changed", async () => {
    const page = await (await browser.newContext({ baseURL: stack.webUrl })).newPage();
    await signInInBrowser(page, admin);
    await page.goto("/settings/api-keys");
    await page.getByLabel("Key name").fill("nightly export");
    await page.getByRole("button", { name: "Create API key" }).click();
    await page.getByTestId("api-key").waitFor();

    await page.goto("/audit/admin");
    const rows = page.getByTestId("admin-event-row");
    const created = rows.filter({ hasText: "nightly export" });
    expect(await created.getByTestId("admin-event-action").textContent()).toBe("api_key.created");
    expect(await created.getByTestId("admin-event-actor").textContent()).toBe(admin.actor.name);
    const registered = rows.filter({ hasText: "server.registered" });
    expect(await registered.getByTestId("admin-event-actor").textContent()).toBe(`API key ${KEY_NAME}`);
    expect(await registered.getByRole("link").getAttribute("href")).toMatch(/^\/servers\/\w+$/);
    expect(await page.content()).not.toContain(HEADER_SECRET);

    await page.getByLabel("Action").selectOption("api_key.created");
    await page.getByLabel("Actor").fill(admin.actor.name.toUpperCase());
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/action=api_key.created/);
    // Both keys this person created, newest first: the one made here and the one the test set up.
    expect(await rows.getByTestId("admin-event-target").allTextContents()).toEqual([
      expect.stringContaining("nightly export"),
      expect.stringContaining(KEY_NAME),
    ]);

    await page.getByLabel("Actor").fill("nobody at all");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByText("No matching changes").waitFor();
  });
});
