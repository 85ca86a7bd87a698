import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { authFile, spiderDir } from "./e2e-paths";

test.use({ storageState: authFile("lead") });

// with the Spider dev set there are enough tasks to watch for a while; the demo database otherwise
const hasSpider = fs.existsSync(path.join(spiderDir, "dev.json"));
const selection = hasSpider ? { split: "dev", origin: "spider", limit: 120 } : { database: "city_library" };
const total = hasSpider ? 120 : 36;

test("the lead's overview shows a job's progress moving while it runs, and how outputs execute and review goes", async ({
  page,
  baseURL,
}) => {
  const started = await page.request.post("/api/jobs", {
    data: { kind: "weak", provider: "demo-weak", tasks: selection, samples: 2 },
    headers: { origin: baseURL! },
  });
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
  await expect(
    page.getByRole("region", { name: "Weak-model answers: verdicts" }).getByTestId("panel-counts"),
  ).toContainText("correct:");
  await expect(
    page.getByRole("region", { name: "Preference pairs by status" }).getByTestId("panel-counts"),
  ).toContainText("pending:");
  await expect(
    page.getByRole("region", { name: "Strong samples: SQL execution" }).getByTestId("panel-counts"),
  ).toContainText("ok:");
});

test("the lead sees the funnel overall and per job, the throughput of the last hours, and difficulties by level", async ({
  page,
  baseURL,
}) => {
  const started = await page.request.post("/api/jobs", {
    data: { kind: "mutation", tasks: { database: "city_library", limit: 6 } },
    headers: { origin: baseURL! },
  });
  expect(started.ok()).toBe(true);
  const { job } = (await started.json()) as { job: { id: string } };
  await page.goto("/");
  const funnel = page.getByRole("region", { name: "Funnel" });
  const pairs = funnel.getByRole("table", { name: "Pairs funnel" });
  for (const stage of ["synthesized", "executed", "flagged for review", "reviewed", "exported"])
    await expect(pairs.locator(`[data-stage="${stage}"]`)).toBeVisible();
  const row = funnel.getByRole("table", { name: "Funnel per job" }).locator(`[data-job-id="${job.id}"]`);
  // the job's answers and its pairs arrive without a reload; exports are not kept per job
  await expect
    .poll(async () => Number(await row.locator('[data-stage="flagged for review"]').textContent()), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  await expect(row.locator('[data-stage="exported"]')).toHaveText("—");
  await expect(page.getByTestId("throughput-hours")).toContainText(/[1-9]\d* pairs/);
  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${job.id}$`));
});
