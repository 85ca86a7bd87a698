import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { authFile, spiderDir } from "./e2e-paths";

test.use({ storageState: authFile("lead") });

test.skip(!fs.existsSync(path.join(spiderDir, "dev.json")), `needs the Spider dev set at ${spiderDir}, which is absent`);

test("a lead starts a mutation job, watches it progress, pauses and resumes it to the end", async ({ page }) => {
  await page.goto("/jobs");
  const form = page.getByRole("form", { name: "Start a mutation job" });
  await form.getByLabel("Job database").selectOption("concert_singer");
  await form.getByLabel("At most tasks").fill("20");
  await form.getByRole("button", { name: "Start job" }).click();
  await expect(form.getByRole("status")).toHaveText("Job started.");

  const row = page.getByRole("table", { name: "Jobs" }).getByRole("row").nth(1);
  const progress = row.getByTestId("job-progress");
  await expect(progress).toHaveText(/^([1-9]|1\d)\/20$/, { timeout: 15_000 }); // moving, not finished

  await row.getByRole("button", { name: "Pause" }).click();
  await expect(row).toContainText("paused");
  const atPause = await progress.textContent();
  await page.waitForTimeout(1_500);
  const afterWait = await progress.textContent();
  // items already claimed may finish; nothing new is claimed
  expect(Number(afterWait?.split("/")[0])).toBeLessThanOrEqual(Number(atPause?.split("/")[0]) + 2);
  await page.waitForTimeout(1_000);
  await expect(progress).toHaveText(afterWait ?? "");

  await row.getByRole("button", { name: "Resume" }).click();
  await expect(progress).toHaveText("20/20", { timeout: 20_000 });
  await expect(row).toContainText("done");
  await expect(row.getByTestId("job-pairs")).toHaveText(/^[1-9]\d* pairs$/); // pairs queued for review
});
