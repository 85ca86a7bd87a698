import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { authFile, spiderDir } from "./e2e-paths";

// Destructive or hard-to-undo actions ask first, in a dialog that takes the focus, names the
// action on its confirm button and is left with Escape; an admin cannot disable themself.

const postJson = (page: Page, url: string, method: string, json: unknown) =>
  page.evaluate(
    async ({ url, method, json }) => {
      const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(json) });
      return { status: response.status, body: (await response.json()) as { message?: string; user?: { id: string } } };
    },
    { url, method, json },
  );

test.describe("as the admin", () => {
  test("a role change and a disable ask first; Escape keeps things as they were; the admin is not offered, and refused, their own disable", async ({ page }) => {
    await page.goto("/admin/accounts");
    const made = await postJson(page, "/api/admin/accounts", "POST", { email: "cara@e2e.test", name: "Cara Confirm", role: "annotator", password: "cara's long password" });
    expect(made.status).toBe(200);
    await page.reload();
    const accounts = page.getByRole("table", { name: "Accounts" });
    const cara = accounts.locator('[data-email="cara@e2e.test"]');

    await accounts.getByLabel("Role of cara@e2e.test").selectOption("lead");
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("cara@e2e.test");
    await expect(dialog.getByRole("button", { name: "Keep it as it is" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(accounts.getByLabel("Role of cara@e2e.test")).toHaveValue("annotator");

    await accounts.getByLabel("Role of cara@e2e.test").selectOption("lead");
    await dialog.getByRole("button", { name: "Make cara@e2e.test a lead" }).click();
    await expect(dialog).toBeHidden();
    await page.reload();
    await expect(accounts.getByLabel("Role of cara@e2e.test")).toHaveValue("lead");

    await cara.getByRole("button", { name: "Disable" }).click();
    await dialog.getByRole("button", { name: "Disable cara@e2e.test" }).click();
    await expect(cara).toContainText("disabled");

    // one's own account: no Disable button, and the server refuses it in words
    await expect(accounts.locator('[data-email="ada@e2e.test"]').getByRole("button", { name: "Disable" })).toHaveCount(0);
    const me = await page.evaluate(async () => ((await (await fetch("/api/auth/me")).json()) as { user: { id: string } }).user.id);
    const refused = await postJson(page, `/api/admin/accounts/${me}`, "PATCH", { disabled: true });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain("You cannot disable your own account");
  });

  test("deleting a provider asks first and names it", async ({ page }) => {
    await page.goto("/jobs");
    const made = await postJson(page, "/api/providers", "POST", { name: "doomed-provider", baseUrl: "http://127.0.0.1:9/v1", model: "m" });
    expect(made.status).toBe(200);
    await page.reload();
    const providers = page.getByRole("table", { name: "Providers" });
    const row = providers.getByRole("row").filter({ hasText: "doomed-provider" });
    await row.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByRole("button", { name: "Keep it as it is" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(row).toBeVisible();
    await row.getByRole("button", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Delete provider doomed-provider" }).click();
    await expect(row).toHaveCount(0);
  });
});

test.describe("as a lead", () => {
  test.use({ storageState: authFile("lead") });
  test.skip(!fs.existsSync(path.join(spiderDir, "dev.json")), `needs the Spider dev set at ${spiderDir}, which is absent`);

  test("cancelling a job asks first, naming the job", async ({ page }) => {
    await page.goto("/jobs");
    const form = page.getByRole("form", { name: "Start a mutation job" });
    await form.getByLabel("Job database").selectOption("concert_singer");
    await form.getByLabel("At most tasks").fill("20");
    await form.getByRole("button", { name: "Start job" }).click();
    await expect(form.getByRole("status")).toHaveText("Job started.");
    const row = page.getByRole("table", { name: "Jobs" }).getByRole("row").nth(1);
    const id = ((await row.getAttribute("data-job-id")) ?? "").slice(-8);
    await row.getByRole("button", { name: "Pause" }).click(); // pausing needs no confirmation; it holds the job for the test
    await expect(row.getByTestId("job-status")).toHaveText(/^paus/);
    await row.getByRole("button", { name: "Cancel" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByRole("button", { name: "Keep it as it is" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(row.getByTestId("job-status")).toHaveText(/^paus/);
    await row.getByRole("button", { name: "Cancel" }).click();
    await dialog.getByRole("button", { name: `Cancel mutation job ${id}` }).click();
    await expect(row.getByTestId("job-status")).toHaveText(/cancel/);
  });
});
