import { randomUUID } from "node:crypto";
import { decideApproval } from "@gatehouse/core/approvals/decide-approval";
import { createDb } from "@gatehouse/db/client";
import { createTestAccount } from "@gatehouse/testing/create-test-account";
import { TEST_DATABASE_URL, uniqueSuffix } from "@gatehouse/testing/test-env";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInInBrowser } from "../src/browser-account";
import { createHoldingGrant, createStackSecrets, holdCall } from "../src/held-calls";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

const db = createDb(TEST_DATABASE_URL);
const { encryptionKey, secretBox } = createStackSecrets();
const deps = { db, secretBox };
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({ env: { GATEHOUSE_ENCRYPTION_KEY: encryptionKey } }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await db.$disconnect();
});

async function signIn(account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.webUrl });
  const page = await context.newPage();
  await signInInBrowser(page, account);
  return page;
}

const cardOf = (page: Page, approvalId: string) =>
  page.locator(`[data-testid="approval-request"][data-approval-id="${approvalId}"]`);

describe("the approvals inbox", () => {
  it("shows held calls live with their arguments and count, and decides them without reloading", async () => {
    const owner = await createTestAccount(db, "approver");
    const ownerName = (await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).name;
    const grant = await createHoldingGrant(deps, owner);
    const secret = `prod-${uniqueSuffix()}`;
    const first = await holdCall(deps, grant, { args: { model: "churn", dst_model_name: secret } });
    const page = await signIn(owner);
    // Uncaught errors and React's (e.g. a hydration mismatch from the countdown) fail the test;
    // the failed loads this test itself causes do not.
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
        errors.push(message.text());
    });
    await page.getByRole("link", { name: "Approvals, 1 pending" }).click();
    await page.waitForURL("**/approvals");
    // Survives only as long as the document does: proves nothing below reloads the page.
    await page.evaluate(() => Object.assign(window, { inboxMarker: true }));

    const firstCard = cardOf(page, first.id);
    expect(await firstCard.getByTestId("approval-arguments").textContent()).toContain(secret);
    expect(await firstCard.getByTestId("approval-grant").textContent()).toBe(grant.grantName);
    expect(await firstCard.getByTestId("approval-rule").getAttribute("href")).toBe(
      `/policies/${grant.policyId}/versions?from=1&to=1`,
    );
    expect(await firstCard.getByLabel("Also allow identical calls for 15 minutes").isChecked()).toBe(false);
    expect(await firstCard.getByTestId("approval-time-left").textContent()).toMatch(
      /^\d+ min( \d+ s)? left$/,
    );

    const second = await holdCall(deps, grant, { args: { model: "fraud" } });
    await cardOf(page, second.id).waitFor();
    await page.getByRole("link", { name: "Approvals, 2 pending" }).waitFor();

    await firstCard.getByLabel("Comment (optional)").fill("not on a Friday");
    await firstCard.getByRole("button", { name: "Deny" }).click();
    await page.getByTestId("form-success").getByText("Denied copy_model_version").waitFor();
    await firstCard.waitFor({ state: "detached" });
    const endedRow = page.locator(`[data-testid="ended-approval-row"][data-approval-id="${first.id}"]`);
    expect(await endedRow.getByTestId("approval-status").textContent()).toBe("denied");
    expect(await endedRow.getByTestId("approval-decided-by").textContent()).toBe(ownerName);
    expect(await endedRow.getByTestId("approval-comment").textContent()).toBe("not on a Friday");
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "denied",
      comment: "not on a Friday",
      decidedById: owner.userId,
      argumentsEncrypted: null,
    });

    // Someone else approves the second request while this page still shows it (its updates
    // held back), so this person's click meets a decision already made.
    await page.route("**/api/dashboard/approvals", (route) => route.abort());
    await page.getByTestId("live-updates-stale").waitFor();
    await decideApproval(
      { db, publish: async () => {} },
      {
        orgId: owner.orgId,
        approvalId: second.id,
        decision: "approve",
        // Only the name shows on this page; the id just has to be a real user's.
        actor: { type: "user", id: owner.userId, name: "Bob" },
        now: new Date(),
      },
    );
    await cardOf(page, second.id).getByRole("button", { name: "Approve" }).click();
    await page
      .getByTestId("form-error")
      .getByText(/already approved by Bob/)
      .waitFor();
    await page.unroute("**/api/dashboard/approvals");
    await cardOf(page, second.id).waitFor({ state: "detached" });
    await page.getByRole("link", { name: "Approvals", exact: true }).waitFor();
    expect(await page.getByTestId("pending-approvals-badge").count()).toBe(0);
    expect(await page.evaluate(() => "inboxMarker" in window)).toBe(true);
    expect(errors).toEqual([]);

    // The request's own page, linked from the inbox, tells how it ended.
    await page.goto(`/approvals/${first.id}`);
    const outcome = page.getByTestId("approval-outcome");
    expect(await outcome.textContent()).toMatch(new RegExp(`denied by ${ownerName} after \\d+ s`));
    expect(await outcome.textContent()).toContain("not on a Friday");
    expect(await page.getByRole("button", { name: "Deny" }).count()).toBe(0);
  });

  it("shows the audit log's held calls with how they ended", async () => {
    const owner = await createTestAccount(db, "audit-approvals");
    const grant = await createHoldingGrant(deps, owner);
    const held = await holdCall(deps, grant, { args: {} });
    await db.auditEvent.create({
      data: {
        id: randomUUID(),
        orgId: owner.orgId,
        grantId: grant.grantId,
        serverId: grant.serverId,
        occurredAt: new Date(),
        method: "tools/call",
        tool: "copy_model_version",
        decision: "require_approval",
        latencyMs: 12_345,
        argumentKeys: [],
        approvalId: held.id,
        approvalStatus: "approved",
        approvedBy: "Alice",
        approvalWaitMs: 12_000,
      },
    });
    const page = await signIn(owner);
    await page.goto("/audit");
    const outcome = page.getByTestId("audit-approval-outcome");
    expect(await outcome.textContent()).toBe("approved by Alice after 12 s");
    expect(await outcome.getByRole("link").getAttribute("href")).toBe(`/approvals/${held.id}`);
  });

  it("shows a viewer the argument names but not their values, and no way to decide", async () => {
    const [owner, viewer, stranger] = await Promise.all([
      createTestAccount(db, "viewer-org"),
      createTestAccount(db, "viewer"),
      createTestAccount(db, "stranger"),
    ]);
    await db.membership.updateMany({
      where: { userId: viewer.userId },
      data: { orgId: owner.orgId, role: "viewer" },
    });
    const grant = await createHoldingGrant(deps, owner);
    const secret = `hidden-${uniqueSuffix()}`;
    const held = await holdCall(deps, grant, { args: { api_token: secret } });

    const page = await signIn(viewer);
    for (const path of ["/approvals", `/approvals/${held.id}`]) {
      await page.goto(path);
      const card = cardOf(page, held.id);
      await card.getByTestId("approval-argument-keys").getByText("api_token").waitFor();
      expect(await card.getByRole("button").count()).toBe(0);
      expect(await page.content()).not.toContain(secret);
    }
    const feeds = [`/api/dashboard/approvals`, `/api/dashboard/approvals/${held.id}`];
    for (const feed of feeds) {
      const response = await page.request.get(feed);
      expect(response.status()).toBe(200);
      expect(await response.text()).not.toContain(secret);
    }

    const strangerPage = await signIn(stranger);
    expect((await strangerPage.goto(`/approvals/${held.id}`))?.status()).toBe(404);
    expect((await strangerPage.request.get(feeds[1] ?? "")).status()).toBe(404);
    expect(await (await strangerPage.request.get(feeds[0] ?? "")).json()).toMatchObject({ pending: [] });
  });
});
