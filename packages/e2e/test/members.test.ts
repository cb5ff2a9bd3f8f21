import { uniqueSuffix } from "@gatehouse/testing/test-env";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInBrowser } from "../src/browser-account";
import { launchBrowser } from "../src/launch-browser";
import { type Stack, startStack } from "../src/start-stack";

let stack: Stack;
let browser: Browser;
let owner: Page;
let member: Page;

const suffix = uniqueSuffix();
const firstOrg = `Owner's lab ${suffix}`;
const secondOrg = `Side project ${suffix}`;
const serverName = `lab server ${suffix}`;
const invitee = {
  name: `Pat Policy ${suffix}`,
  email: `pat-${suffix}@example.test`,
  password: "long enough pw",
};
let invitationUrl = "";

async function freshPage(): Promise<Page> {
  return (await browser.newContext({ baseURL: stack.webUrl })).newPage();
}

async function header(page: Page) {
  return {
    org: await page.getByTestId("org-name").textContent(),
    role: await page.getByTestId("org-role").textContent(),
  };
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  [owner, member] = await Promise.all([freshPage(), freshPage()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("organisations and members in the browser", () => {
  it("an owner signs up, registers a server and creates an invitation link for a policy manager", async () => {
    await signUpInBrowser(owner, {
      name: `Olive Owner ${suffix}`,
      email: `olive-${suffix}@example.test`,
      organizationName: firstOrg,
    });
    expect(await header(owner)).toEqual({ org: firstOrg, role: "Owner" });

    await owner.goto("/servers/new");
    await owner.getByLabel("Name", { exact: true }).fill(serverName);
    await owner.getByLabel("Streamable HTTP").check();
    await owner.getByLabel("URL", { exact: true }).fill("http://127.0.0.1:9/mcp");
    await owner.getByRole("button", { name: "Register server" }).click();
    await owner.waitForURL(/\/servers\/[^/]+$/);

    await owner.goto("/settings/members");
    await owner.getByLabel("Role", { exact: true }).selectOption("policy_manager");
    await owner.getByRole("button", { name: "Create invitation link" }).click();
    invitationUrl = (await owner.getByTestId("invitation-url").textContent()) ?? "";
    expect(invitationUrl).toMatch(new RegExp(`^${stack.webUrl}/invite/ghi_[A-Za-z0-9_-]{43}$`));
    await owner.getByTestId("invitation-row").getByText("Pending").waitFor();
  });

  it("the invited person signs up through the link and lands in the organisation with that role", async () => {
    await member.goto(invitationUrl);
    expect(await member.getByTestId("invitation-summary").textContent()).toContain(
      `invited you to ${firstOrg} as Policy manager`,
    );
    await member.getByLabel("Your name").fill(invitee.name);
    await member.getByLabel("Email", { exact: true }).fill(invitee.email);
    await member.getByLabel("Password", { exact: true }).fill(invitee.password);
    await member.getByRole("button", { name: "Create account and join" }).click();
    await member.waitForURL("**/servers");
    expect(await header(member)).toEqual({ org: firstOrg, role: "Policy manager" });
    await member.getByText(serverName).waitFor();

    await member.goto("/settings/members");
    await member.getByTestId("member-row").filter({ hasText: invitee.email }).waitFor();
    expect(await member.getByRole("button", { name: "Create invitation link" }).count()).toBe(0);
    expect(await member.getByRole("button", { name: "Remove" }).count()).toBe(0);
  });

  it("the owner creates a second organisation and switches between the two", async () => {
    await owner.getByTestId("org-name").click();
    await owner.getByRole("link", { name: "Create organisation" }).click();
    await owner.waitForURL("**/orgs/new");
    await owner.getByLabel("Organisation name").fill(secondOrg);
    await owner.getByRole("button", { name: "Create organisation" }).click();
    await owner.waitForURL("**/servers");
    expect(await header(owner)).toEqual({ org: secondOrg, role: "Owner" });
    await owner.getByText("Register your first server").waitFor();
    expect(await owner.getByText(serverName).count()).toBe(0);

    await owner.getByTestId("org-name").click();
    await owner.getByRole("button", { name: new RegExp(firstOrg) }).click();
    await owner.getByTestId("org-name").filter({ hasText: firstOrg }).waitFor();
    expect(await header(owner)).toEqual({ org: firstOrg, role: "Owner" });
    await owner.getByText(serverName).waitFor();
  });

  it("the owner removes the member, whose next page load no longer shows the organisation", async () => {
    await owner.goto("/settings/members");
    const row = owner.getByTestId("member-row").filter({ hasText: invitee.email });
    await row.getByRole("button", { name: "Remove" }).click();
    expect(await row.textContent()).toContain("API key they created in this organisation is revoked");
    await row.getByRole("button", { name: "Confirm remove" }).click();
    await row.waitFor({ state: "detached" });

    await member.goto("/servers");
    await member.waitForURL("**/sign-in");
    expect(await member.content()).not.toContain(firstOrg);
  });

  it("a used link opened again says it was already used", async () => {
    const stranger = await freshPage();
    await stranger.goto(invitationUrl);
    await stranger.getByText("This invitation link was already used").waitFor();
    expect(await stranger.getByRole("button", { name: "Create account and join" }).count()).toBe(0);
  });
});
