import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { authFile, e2eImportsDir, spiderDir } from "./e2e-paths";
import { writeSlowSamplesFolder } from "./fixtures";
import { startMutationJob } from "./start-job";

// Destructive or hard-to-undo actions ask first, in a dialog that takes the focus, names the
// action on its confirm button and is left with Escape; an admin cannot disable themself.

const postJson = (page: Page, url: string, method: string, json: unknown) =>
  page.evaluate(
    async ({ url, method, json }) => {
      const response = await fetch(url, {
        method,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(json),
      });
      return {
        status: response.status,
        body: (await response.json()) as { message?: string; user?: { id: string } },
      };
    },
    { url, method, json },
  );

test.describe("as the admin", () => {
  test("a role change and a disable ask first; Escape keeps things as they were; the admin is not offered, and refused, their own disable", async ({
    page,
  }) => {
    await page.goto("/admin/accounts");
    const made = await postJson(page, "/api/admin/accounts", "POST", {
      email: "cara@e2e.test",
      name: "Cara Confirm",
      role: "annotator",
      password: "cara's long password",
    });
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
    await expect(
      accounts.locator('[data-email="ada@e2e.test"]').getByRole("button", { name: "Disable" }),
    ).toHaveCount(0);
    const me = await page.evaluate(
      async () => ((await (await fetch("/api/auth/me")).json()) as { user: { id: string } }).user.id,
    );
    const refused = await postJson(page, `/api/admin/accounts/${me}`, "PATCH", { disabled: true });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain("You cannot disable your own account");
  });

  test("deleting a provider asks first and names it", async ({ page }) => {
    await page.goto("/jobs");
    const made = await postJson(page, "/api/providers", "POST", {
      name: "doomed-provider",
      baseUrl: "http://127.0.0.1:9/v1",
      model: "m",
    });
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

  test("cancelling a running export asks first: Escape keeps it running, confirming cancels it", async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    // pairs on a database whose first rows take seconds to read: an export of them with sample rows runs that long
    const folder = path.join(e2eImportsDir, "slow-samples");
    writeSlowSamplesFolder(folder);
    const headers = { origin: baseURL! };
    const imported = await request.post("/api/imports", { headers, data: { format: "bird", dir: folder } });
    expect(imported.status()).toBe(200);
    const importId = ((await imported.json()) as { importRun: { id: string } }).importRun.id;
    // the import runs on the job queue: it is done once its run says so
    await expect
      .poll(
        async () =>
          ((await (await request.get(`/api/imports/${importId}`)).json()) as { status: string }).status,
        { timeout: 30_000 },
      )
      .toBe("done");
    const started = await request.post("/api/jobs", {
      headers,
      data: { kind: "mutation", tasks: { database: "slow_samples" } },
    });
    expect(started.status()).toBe(200);
    const jobId = ((await started.json()) as { job: { id: string } }).job.id;
    await expect
      .poll(
        async () =>
          ((await (await request.get(`/api/jobs/${jobId}`)).json()) as { progress: { status: string } })
            .progress.status,
        { timeout: 30_000 },
      )
      .toBe("done");

    await page.goto("/exports");
    const form = page.getByRole("form", { name: "New export" });
    await form.getByLabel("Export name").fill("Slow samples");
    await form.getByLabel("Format").selectOption("trl-dpo-conversational");
    await form.getByLabel("Prompt template").selectOption("schema-with-rows");
    await form.getByRole("checkbox", { name: "pending" }).check();
    await form.getByLabel("Export database").selectOption("slow_samples");
    await form.getByRole("button", { name: "Start export" }).click();
    await expect(form.getByRole("status")).toHaveText("Export started.");
    const row = page
      .getByRole("table", { name: "Exports" })
      .getByRole("row")
      .filter({ has: page.getByTestId("export-name").getByText("Slow samples", { exact: true }) });
    await expect(row).toContainText("running");
    const exportId = await row.getAttribute("data-export-id");

    await row.getByRole("button", { name: "Cancel", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: "Cancel the export Slow samples?" });
    await expect(dialog.getByRole("button", { name: "Keep it as it is" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    // the list's next two refreshes from the server (the first may have been asked before) still have it running
    for (let refresh = 0; refresh < 2; refresh++) {
      const answer = await page.waitForResponse(
        (r) => new URL(r.url()).pathname === "/api/exports" && r.request().method() === "GET" && r.ok(),
      );
      expect(
        ((await answer.json()) as { id: string; status: string }[]).find((e) => e.id === exportId)?.status,
      ).toBe("running");
    }
    await expect(row).toContainText("running");

    await row.getByRole("button", { name: "Cancel", exact: true }).click();
    await dialog.getByRole("button", { name: "Cancel export Slow samples" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("cancelled");
    await expect(row.getByRole("button", { name: "Cancel", exact: true })).toHaveCount(0);
    await expect(row.getByRole("link", { name: /\.jsonl$/ })).toHaveCount(0);
  });
});

test.describe("as a lead", () => {
  test.use({ storageState: authFile("lead") });
  test.skip(
    !fs.existsSync(path.join(spiderDir, "dev.json")),
    `needs the Spider dev set at ${spiderDir}, which is absent`,
  );

  test("cancelling a job asks first, naming the job", async ({ page }) => {
    await page.goto("/jobs");
    const { row, shortId: id } = await startMutationJob(page, "concert_singer", 20);
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
