import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { authFile, seededFile } from "./e2e-paths";

// The job page (/jobs/<id>): the controls of the jobs table (pause, resume, cancel with the same
// confirmation), its configuration as label: value with the provider once, and a cost that says
// when it is unknown (the demo providers have no price) instead of "$0.0000".
test.use({ storageState: authFile("lead") });

/** Starts a mutation job over city_library's 36 tasks through the API and gives back its id. */
async function startJob(page: Page, baseURL: string, { paused }: { paused: boolean }) {
  const started = await page.request.post("/api/jobs", {
    data: { kind: "mutation", keepPerTask: 3, tasks: { database: "city_library", limit: 36 } },
    headers: { origin: baseURL },
  });
  expect(started.ok()).toBe(true);
  const { job } = (await started.json()) as { job: { id: string } };
  if (paused)
    expect(
      (await page.request.post(`/api/jobs/${job.id}/pause`, { headers: { origin: baseURL } })).ok(),
    ).toBe(true);
  return job.id;
}

test("a lead pauses and resumes a job from its page; Cancel asks first and Escape keeps the job", async ({
  page,
  baseURL,
}) => {
  const id = await startJob(page, baseURL!, { paused: false });
  await page.goto(`/jobs/${id}`);
  const status = page.getByTestId("job-status");
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(status).toHaveText("paused", { timeout: 15_000 });
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Cancel the mutation job ${id.slice(-8)}?`);
  await expect(dialog.getByRole("button", { name: "Keep it as it is" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText("paused");

  await page.getByRole("button", { name: "Resume", exact: true }).click();
  await expect(status).toHaveText(/^(running|done)$/);
  await expect(page.getByRole("button", { name: "Resume", exact: true })).toHaveCount(0);
});

test("a lead cancels a job from its page after confirming, and its controls go", async ({
  page,
  baseURL,
}) => {
  const id = await startJob(page, baseURL!, { paused: true });
  await page.goto(`/jobs/${id}`);
  await expect(page.getByTestId("job-status")).toHaveText("paused");
  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  await page
    .getByRole("alertdialog")
    .getByRole("button", { name: `Cancel mutation job ${id.slice(-8)}` })
    .click();
  await expect(page.getByTestId("job-status")).toHaveText("cancelled");
  await expect(page.getByRole("button", { name: /^(Pause|Resume|Cancel)$/ })).toHaveCount(0);
});

test("a job's configuration is a list of label and value, the provider named once, and an unpriced provider's cost is unknown", async ({
  page,
}) => {
  const { weakJobId } = JSON.parse(fs.readFileSync(seededFile, "utf8")) as { weakJobId: string };
  await page.goto(`/jobs/${weakJobId}`);
  const config = page.getByRole("region", { name: "Configuration" });
  await expect(config.getByRole("definition").first()).toBeVisible();
  await expect(config).not.toContainText("{");
  await expect(config).toContainText("city_library");
  await expect(config.getByRole("term").filter({ hasText: /provider/i })).toHaveCount(1);
  await expect(config.getByRole("definition").filter({ hasText: "demo-weak" })).toHaveCount(1);
  // the demo provider has no price: the cost is unknown, not $0
  const calls = page.getByRole("region", { name: "Model calls" });
  await expect(calls).toContainText(/\d+ calls/);
  await expect(calls).toContainText("cost —");
  await expect(calls.getByTestId("job-calls")).toContainText(/tokens, —/);
  await expect(calls).not.toContainText("$");
  await page.goto("/jobs");
  const row = page.getByRole("table", { name: "Jobs" }).locator(`[data-job-id="${weakJobId}"]`);
  await expect(row.getByTestId("job-tokens")).toContainText("—");
  await expect(row.getByTestId("job-tokens")).not.toContainText("$");
});

test.describe("as a researcher", () => {
  test.use({ storageState: authFile("researcher") });

  test("a role that may not control jobs gets no job page and no controls, and the API refuses the action", async ({
    page,
    baseURL,
  }) => {
    const { weakJobId } = JSON.parse(fs.readFileSync(seededFile, "utf8")) as { weakJobId: string };
    expect((await page.goto(`/jobs/${weakJobId}`))?.status()).toBe(403);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Not for your role");
    await expect(page.getByRole("button", { name: /^(Pause|Resume|Cancel)$/ })).toHaveCount(0);
    expect(
      (await page.request.post(`/api/jobs/${weakJobId}/pause`, { headers: { origin: baseURL! } })).status(),
    ).toBe(403);
  });
});
