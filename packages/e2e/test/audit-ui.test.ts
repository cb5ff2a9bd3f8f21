import { readFile } from "node:fs/promises";
import type { AuditEvent } from "@gatehouse/core/audit/audit-event";
import { getAuditRetention } from "@gatehouse/core/audit/get-audit-retention";
import { insertAuditEvents } from "@gatehouse/core/audit/insert-audit-events";
import { createDb } from "@gatehouse/db/client";
import { auditEvent } from "@gatehouse/testing/audit-fixtures";
import { createTestGrant } from "@gatehouse/testing/create-test-grant";
import { TEST_DATABASE_URL } from "@gatehouse/testing/test-env";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInInBrowser } from "../src/browser-account";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

const db = createDb(TEST_DATABASE_URL);
const MINUTE_MS = 60_000;
let stack: Stack;
let browser: Browser;
let page: Page;
let grant: Awaited<ReturnType<typeof createTestGrant>>;
let calls: Record<"read" | "remove" | "list" | "hostile" | "old", AuditEvent>;
const pageErrors: string[] = [];

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * MINUTE_MS).toISOString();
const rows = () => page.getByTestId("audit-row");
const rowOf = (event: AuditEvent) => page.locator(`[data-testid="audit-row"][data-event-id="${event.id}"]`);

beforeAll(async () => {
  [stack, browser, grant] = await Promise.all([
    startStack(),
    launchBrowser(),
    createTestGrant(db, "audit-ui"),
  ]);
  const call = (overrides: Partial<AuditEvent>) =>
    auditEvent(grant.orgId, {
      grantId: grant.grantId,
      serverId: grant.serverId,
      policyId: grant.policyId,
      policyVersion: 1,
      ...overrides,
    });
  calls = {
    read: call({
      occurredAt: minutesAgo(30),
      tool: "read_file",
      rule: "/tools/read_file",
      argumentKeys: ["path"],
      arguments: { path: "/srv/report.csv" },
      clientName: "claude-code",
      clientVersion: "1.2.3",
      upstreamHttpStatus: 200,
      upstreamLatencyMs: 30,
      latencyMs: 35,
      resultBytes: 512,
    }),
    remove: call({
      occurredAt: minutesAgo(20),
      tool: "delete_file",
      decision: "deny",
      rule: "/tools/delete_file",
      reason: "Deletes need a person.",
      argumentKeys: ["path", "force"],
    }),
    list: call({ occurredAt: minutesAgo(10), method: "tools/list", tool: null, argumentKeys: [] }),
    hostile: call({
      occurredAt: minutesAgo(5),
      tool: '=HYPERLINK("http://evil.example","click")',
      decision: "deny",
      rule: "(default deny)",
      argumentKeys: [],
    }),
    old: call({ occurredAt: minutesAgo(3 * 24 * 60), tool: "old_tool" }),
  };
  await insertAuditEvents({ db, events: Object.values(calls) });
  page = await (await browser.newContext({ baseURL: stack.webUrl })).newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  await signInInBrowser(page, grant);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await db.$disconnect();
});

describe("the audit log in the browser", () => {
  it("filters by decision, text in argument names and time, keeping the filters in the URL", async () => {
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.waitForURL("**/audit");
    expect(await rows().count()).toBe(5);

    await page.getByLabel("Decision").selectOption({ label: "Denied" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/decision=deny/);
    expect(await rows().count()).toBe(2);
    await rowOf(calls.remove).waitFor();

    await page.getByRole("link", { name: "Clear filters" }).click();
    await page.waitForURL(/\/audit$/);
    await page.getByLabel("Search").fill("PAT");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/q=PAT/);
    expect(
      await rows().evaluateAll((found) => found.map((row) => row.getAttribute("data-event-id"))),
    ).toEqual([calls.remove.id, calls.read.id]);

    await page.getByLabel("Search").fill("");
    await page.getByLabel("From (UTC)").fill(minutesAgo(24 * 60).slice(0, 16));
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/from=/);
    expect(await rows().count()).toBe(4);
    expect(await rowOf(calls.old).count()).toBe(0);
  });

  it("opens a call's full event in a drawer, linking to the policy version that decided", async () => {
    await page.goto("/audit");
    await rowOf(calls.read).getByRole("button").click();
    const drawer = page.getByTestId("audit-drawer");
    await drawer.getByRole("heading", { name: "read_file" }).waitFor();
    const text = await drawer.textContent();
    for (const expected of [
      "claude-code 1.2.3",
      "/srv/report.csv",
      "200",
      "35 ms (upstream 30 ms)",
      "512 bytes",
    ]) {
      expect(text).toContain(expected);
    }
    const rule = drawer.getByTestId("audit-drawer-rule");
    expect(await rule.textContent()).toBe("/tools/read_file");
    expect(await rule.getAttribute("href")).toBe(`/policies/${grant.policyId}/versions?from=1&to=1`);
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });

    await rowOf(calls.remove).getByRole("button").click();
    await drawer.getByRole("heading", { name: "delete_file" }).waitFor();
    expect(await drawer.getByTestId("audit-drawer-argument-keys").textContent()).toBe("pathforce");
    await drawer.getByTestId("audit-drawer-rule").click();
    await page.waitForURL(`**/policies/${grant.policyId}/versions?from=1&to=1`);
    await page.getByRole("heading", { name: /^History of/ }).waitFor();
  });

  it("tails new calls live, on top, without reloading, and only those matching the filters", async () => {
    await page.goto("/audit?decision=deny");
    await page.evaluate(() => Object.assign(window, { tailMarker: true }));
    await page.getByLabel("Live tail").check();
    await page.getByTestId("live-tail-status").getByText("New calls appear on top").waitFor();
    const allowed = auditEvent(grant.orgId, {
      grantId: grant.grantId,
      occurredAt: minutesAgo(0),
      tool: "not_shown",
    });
    const denied = auditEvent(grant.orgId, {
      grantId: grant.grantId,
      occurredAt: minutesAgo(0),
      tool: "tail_me",
      decision: "deny",
    });
    await insertAuditEvents({ db, events: [allowed, denied] });
    await rowOf(denied).waitFor({ timeout: 10_000 });
    expect(await rows().first().getAttribute("data-event-id")).toBe(denied.id);
    expect(await rowOf(denied).getAttribute("data-new")).toBe("true");
    expect(await rowOf(allowed).count()).toBe(0);
    expect(await page.evaluate(() => "tailMarker" in window)).toBe(true);
    await page.getByLabel("Live tail").uncheck();
  });

  it("exports the filtered calls as CSV and NDJSON, streamed to the browser", async () => {
    await page.goto("/audit?decision=deny");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gatehouse-audit-.+\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    const lines = csv.split("\r\n");
    expect(lines[0]?.startsWith("id,occurredAt,grantId,serverId,method,tool,decision,")).toBe(true);
    // The header, the three denied calls (one added by the tail test), and the final CRLF.
    expect(lines).toHaveLength(5);
    const hostileLine = lines.find((line) => line.startsWith(calls.hostile.id));
    expect(hostileLine).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",deny,`);
    expect(csv).not.toContain(calls.read.id);

    const ndjson = await page.request.get("/api/dashboard/audit-events/export?format=ndjson&q=path");
    expect(ndjson.headers()["content-type"]).toContain("application/x-ndjson");
    const exported = (await ndjson.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(exported.map((event) => event.id)).toEqual([calls.remove.id, calls.read.id]);
    expect(exported[1]).toMatchObject({ arguments: { path: "/srv/report.csv" }, clientName: "claude-code" });

    const signedOut = await fetch(`${stack.webUrl}/api/dashboard/audit-events/export?format=csv`);
    expect(signedOut.status).toBe(401);
  });

  it("draws the overview's charts", async () => {
    await page.getByRole("navigation", { name: "Audit" }).getByRole("link", { name: "Overview" }).click();
    await page.waitForURL("**/audit/overview");
    for (const chart of ["chart-calls", "chart-latency", "chart-tools", "chart-denials", "chart-grants"]) {
      await page.getByTestId(chart).locator("svg.recharts-surface").first().waitFor();
    }
    expect(await page.getByTestId("chart-tools").textContent()).toContain("delete_file");
    expect(await page.getByTestId("chart-denials").textContent()).toContain("/tools/delete_file");
    expect(await page.getByTestId("chart-grants").textContent()).toContain("audit-ui agent");
    // Six calls in the last 24 hours (four seeded, two from the tail test); the old one joins over 7 days.
    expect(await page.getByTestId("overview-stats").textContent()).toContain("Calls6");
    await page.getByRole("link", { name: "Last 7 days" }).click();
    await page.waitForURL(/range=7d/);
    expect(await page.getByTestId("overview-stats").textContent()).toContain("Calls7");
    expect(pageErrors).toEqual([]);
  });

  it("lets an owner set the retention, refusing a value out of range", async () => {
    await page.goto("/settings/audit");
    await page.getByLabel("Keep audit events for (days)").fill("0");
    await page.getByRole("button", { name: "Save retention" }).click();
    await page.getByTestId("days-error").getByText("from 1 to 3650").waitFor();
    await page.getByLabel("Keep audit events for (days)").fill("30");
    await page.getByRole("button", { name: "Save retention" }).click();
    await page.getByTestId("form-success").getByText("kept for 30 days").waitFor();
    expect(await getAuditRetention({ db, orgId: grant.orgId })).toBe(30);
  });
});
