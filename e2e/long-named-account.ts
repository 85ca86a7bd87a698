import { expect, type Page } from "@playwright/test";
import { ACCOUNT_NAME_MAX } from "../lib/auth/account-limits";

// An account whose name is as long as the form allows, made through the API the Accounts form
// uses (once per run: the journeys at every width and theme share it), to show that the accounts
// table keeps such a name inside the window.
export const longNamedEmail = "longest.name@e2e.test";
// (one word of 53 letters: it can only wrap where the browser may break anywhere)
export const longName = "Hubert Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaft".slice(
  0,
  ACCOUNT_NAME_MAX,
);

export async function ensureLongNamedAccount(page: Page, baseURL: string) {
  const listed = await page.request.get("/api/admin/accounts");
  expect(listed.status()).toBe(200);
  const { accounts } = (await listed.json()) as { accounts: { email: string }[] };
  if (accounts.some((a) => a.email === longNamedEmail)) return;
  const made = await page.request.post("/api/admin/accounts", {
    data: {
      email: longNamedEmail,
      name: longName,
      role: "annotator",
      password: "the longest name's password",
    },
    headers: { origin: baseURL },
  });
  expect(made.ok(), await made.text()).toBe(true);
}

/** The long-named account's row buttons can each be brought into the window without the page or <main> panning. */
export async function expectLongNamedRowButtonsInWindow(page: Page) {
  const row = page.getByRole("table", { name: "Accounts" }).locator(`[data-email="${longNamedEmail}"]`);
  await expect(row).toContainText(longName);
  for (const name of ["Set password", "Disable"]) {
    const button = row.getByRole("button", { name });
    await button.scrollIntoViewIfNeeded(); // scrolls the table's own box, if anything
    await expect(button, name).toBeInViewport({ ratio: 1 });
    const panned = await page.evaluate(() => ({
      window: window.scrollX,
      main: document.querySelector("main")!.scrollLeft,
    }));
    expect(panned, `bringing "${name}" into view panned the page`).toEqual({ window: 0, main: 0 });
  }
  await row.evaluate((r) => r.closest("table")!.parentElement!.scrollTo({ left: 0 })); // the table's start again, for the screenshot
}
