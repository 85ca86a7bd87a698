import { expect, test, type APIRequestContext } from "@playwright/test";
import { authFile } from "./e2e-paths";

// The admin's journey through a lockout: a person's password is guessed five times, the admin sees
// the lockout on the Accounts page and lifts it, the person signs in at once, and the audit log,
// filtered in its address, tells the story in words. Leads and annotators cannot reach the lockouts.

const PASSWORD = "lou's own long password";

async function failSignIn(request: APIRequestContext, baseURL: string, email: string) {
  return request.post("/api/auth/sign-in", {
    data: { email, password: "a guess that is wrong" },
    headers: { origin: baseURL },
  });
}

test.describe("as the admin", () => {
  test.use({ storageState: authFile("admin") });

  test("a lockout shows on the Accounts page, the admin lifts it, the person signs in at once, and the audit log tells it in words", async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = `lou-${Date.now().toString(36)}@e2e.test`;
    const made = await page.request.post("/api/admin/accounts", {
      data: { email, name: "Lou Locked", role: "annotator", password: PASSWORD },
      headers: { origin: baseURL! },
    });
    expect(made.status()).toBe(200);
    const { account } = (await made.json()) as { account: { id: string } };

    // someone guesses Lou's password five times; the sixth try is refused, even the right password
    const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    for (let i = 0; i < 5; i++)
      expect((await failSignIn(stranger.request, baseURL!, email)).status()).toBe(401);
    const refused = await stranger.request.post("/api/auth/sign-in", {
      data: { email, password: PASSWORD },
      headers: { origin: baseURL! },
    });
    expect(refused.status()).toBe(429);
    await stranger.close();

    await page.goto("/admin/accounts");
    const lockouts = page.getByRole("region", { name: "Sign-in lockouts" });
    const row = lockouts.locator(`[data-lockout="${email}"]`);
    await expect(row).toContainText("Lou Locked");
    await expect(row.getByRole("cell").nth(3)).toHaveText("5");
    await expect(row.locator("time")).toHaveCount(2); // since and until
    await row.getByRole("button", { name: `Lift the lockout of ${email}` }).click();
    await expect(lockouts.getByRole("status")).toHaveText(`Lifted the lockout of ${email}.`);
    await expect(row).toHaveCount(0);

    // Lou signs in at once
    const lou = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const louPage = await lou.newPage();
    await louPage.goto("/sign-in");
    const form = louPage.getByRole("form", { name: "Sign in" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill(PASSWORD);
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(louPage.getByTestId("signed-in-name")).toHaveText("Lou Locked");
    await lou.close();

    // the audit log: the lift, by the admin, found with the Action filter
    await page.goto("/audit");
    await page
      .getByRole("search", { name: "Audit log filters" })
      .getByLabel("Action")
      .selectOption("session.lockout-lift");
    await expect(page).toHaveURL(/\/audit\?action=session\.lockout-lift$/);
    const log = page.getByRole("table", { name: "Audit log" });
    const lift = log.locator('tr[data-action="session.lockout-lift"]').filter({ hasText: email });
    await expect(lift).toContainText("Ada Admin");
    await expect(lift).toContainText(`email${email}`);
    await expect(lift).toContainText("failuresCleared5");

    // one click on the target: everything about Lou's account, the address of the view shareable
    await lift.getByRole("button", { name: `account ${account.id}` }).click();
    await expect(page).toHaveURL(new RegExp(`target=account%3A${account.id}`));
    await page.getByRole("search", { name: "Audit log filters" }).getByLabel("Action").selectOption("");
    await expect(page).toHaveURL(new RegExp(`^[^?]+\\?target=account%3A${account.id}$`));
    await expect(log.locator('tr[data-action="session.sign-in-failed"]')).toHaveCount(5);
    await expect(log.locator('tr[data-action="session.sign-in-failed"]').first()).toContainText(
      "not signed in",
    );
    await expect(log.locator('tr[data-action="session.sign-in-failed"]').first()).toContainText(
      "reasonwrong password",
    );
    await expect(log.locator('tr[data-action="session.lockout"]')).toContainText("failedAttempts5");
    await expect(log.locator('tr[data-action="session.lockout-lift"]')).toHaveCount(1);
    await expect(log.locator('tr[data-action="session.sign-in"]')).toHaveCount(0); // a sign-in's target is the session, not the account
    await expect(log.locator('tr[data-action="account.create"]')).toHaveCount(1);

    // a shared address opens the same view; two at a time, Older and Newer walk the same entries
    await page.goto(`/audit?target=account%3A${account.id}&limit=2`);
    await expect(log.locator("tbody tr")).toHaveCount(2);
    const firstPage = await log.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.textContent));
    await page.getByRole("button", { name: "Older →" }).click();
    await expect(page).toHaveURL(/before=/);
    await expect(log.locator("tbody tr").first()).not.toHaveText(firstPage[0]!);
    await page.getByRole("button", { name: "← Newer" }).click();
    await expect(page).toHaveURL(/after=/);
    await expect(log.locator("tbody tr").first()).toHaveText(firstPage[0]!);
    await expect(page.getByRole("button", { name: "← Newer" })).toBeDisabled();

    // bad filters: words, not a 500
    // (a bad filter in the address is left out, said so, and the log shown without it)
    await page.goto("/audit?from=yesterday");
    await expect(page.getByRole("main").getByRole("alert", { name: "Filters left out" })).toContainText(
      "The “from” parameter must be a UTC day or minute, e.g. 2026-12-02 or 2026-12-02T14:05.",
    );
    await expect(log.locator("tbody tr").first()).toBeVisible();
    const api = await page.request.get("/api/audit?action=review.approve");
    expect(api.status()).toBe(400);
    expect(((await api.json()) as { message: string }).message).toMatch(
      /^The action must be one of account\.create, /,
    );
    await page.goto("/audit?person=nobody%40e2e.test");
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      "The “person” filter names no account: none has the email “nobody@e2e.test”.",
    );
  });
});

for (const role of ["lead", "annotator"] as const) {
  test.describe(`as the ${role}`, () => {
    test.use({ storageState: authFile(role) });

    test(`the ${role} cannot see or lift lockouts`, async ({ page, baseURL }) => {
      expect((await page.request.get("/api/admin/lockouts")).status()).toBe(403);
      const lift = await page.request.post("/api/admin/lockouts/any-id/lift", {
        headers: { origin: baseURL! },
      });
      expect(lift.status()).toBe(403);
      expect(((await lift.json()) as { message: string }).message).toContain("it needs admin or above");
    });
  });
}
