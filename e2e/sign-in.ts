import { expect, type Page } from "@playwright/test";
import { E2E_PASSWORD, e2eAccounts } from "./e2e-paths";

/** Signs in through the sign-in page as the e2e account with that name (after signing anyone out). */
export async function signInAs(page: Page, name: string, next = "/") {
  const account = e2eAccounts.find((a) => a.name === name);
  if (!account) throw new Error(`no e2e account named ${name}`);
  await page.context().clearCookies();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("Email").fill(account.email);
  await form.getByLabel("Password").fill(E2E_PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname + url.search === next || url.pathname === next);
  await expect(page.getByTestId("signed-in-name")).toHaveText(account.name);
  return account;
}
