import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { authFile, spiderDir } from "./e2e-paths";

test.use({ storageState: authFile("lead") });

// with the Spider dev set there are enough tasks to watch for a while; the demo database otherwise
const hasSpider = fs.existsSync(path.join(spiderDir, "dev.json"));
const selection = hasSpider ? { split: "dev", origin: "spider", limit: 120 } : { database: "city_library" };
const total = hasSpider ? 120 : 36;

test("the lead's overview shows a job's progress moving while it runs, and how outputs execute and review goes", async ({ page, baseURL }) => {
  const started = await page.request.post("/api/jobs", { data: { kind: "weak", provider: "demo-weak", tasks: selection, samples: 2 }, headers: { origin: baseURL! } });
  expect(started.ok()).toBe(true);
  const { job } = (await started.json()) as { job: { id: string } };
  await page.goto("/");
  const progress = page.locator(`[data-job-id="${job.id}"]`).getByTestId("job-progress");
  const handled = async () => Number((await progress.textContent())?.split("/")[0]);
  await expect(progress).toHaveText(new RegExp(`^\\d+/${total}$`));
  const first = await handled();
  expect(first).toBeLessThan(total);
  await expect.poll(handled, { timeout: 15_000 }).toBeGreaterThan(first); // moving, without a reload
  await expect(progress).toHaveText(`${total}/${total}`, { timeout: 60_000 });
  await expect(page.getByRole("region", { name: "Weak-model answers: verdicts" }).getByTestId("panel-counts")).toContainText("correct:");
  await expect(page.getByRole("region", { name: "Preference pairs by status" }).getByTestId("panel-counts")).toContainText("pending:");
  await expect(page.getByRole("region", { name: "Strong samples: SQL execution" }).getByTestId("panel-counts")).toContainText("ok:");
});
