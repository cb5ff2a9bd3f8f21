import type { Page } from "playwright-core";

/** Who signs up in a browser test, and the organisation their sign-up creates. */
export type NewAccount = { name: string; email: string; password?: string; organizationName: string };

const DEFAULT_PASSWORD = "correct horse battery";

/** Signs up through the dashboard's form and waits for the servers page a new owner lands on. */
export async function signUpInBrowser(page: Page, account: NewAccount): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password ?? DEFAULT_PASSWORD);
  await page.getByLabel("Organisation name").fill(account.organizationName);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/servers");
}

/** Signs in through the dashboard's form and waits for the servers page it opens. */
export async function signInInBrowser(
  page: Page,
  account: { email: string; password: string },
): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/servers");
}
