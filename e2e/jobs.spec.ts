import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { authFile, spiderDir } from "./e2e-paths";
import { startMutationJob } from "./start-job";

test.use({ storageState: authFile("lead") });

test.skip(
  !fs.existsSync(path.join(spiderDir, "dev.json")),
  `needs the Spider dev set at ${spiderDir}, which is absent`,
);

test("a lead starts a mutation job, watches it progress, pauses and resumes it to the end", async ({
  page,
}) => {
  await page.goto("/jobs");
  // 40 items at 150 ms each, two at a time: about 3 s, long enough for a Pause to land mid-job
  const { row, jobId } = await startMutationJob(page, "concert_singer", 40);
  const progress = row.getByTestId("job-progress");
  await expect(progress).toHaveText(/^([1-9]|[1-3]\d)\/40$/, { timeout: 15_000 }); // moving, not finished

  await row.getByRole("button", { name: "Pause" }).click();
  // items already claimed finish ("pausing"); once "paused", nothing moves across two refreshes
  await expect(row.getByTestId("job-status")).toHaveText("paused", { timeout: 15_000 });
  const atPause = await progress.textContent();
  for (let refresh = 0; refresh < 2; refresh++) {
    const answer = await page.waitForResponse((r) => new URL(r.url()).pathname === "/api/jobs" && r.ok());
    const job = (
      (await answer.json()) as { id: string; itemsDone: number; itemsFailed: number; itemsTotal: number }[]
    ).find((j) => j.id === jobId);
    expect(`${job!.itemsDone + job!.itemsFailed}/${job!.itemsTotal}`).toBe(atPause);
  }
  expect(atPause).not.toBe("40/40");

  await row.getByRole("button", { name: "Resume" }).click();
  await expect(progress).toHaveText("40/40", { timeout: 30_000 });
  await expect(row).toContainText("done");
  await expect(row.getByTestId("job-pairs")).toHaveText(/^[1-9]\d* pairs$/); // pairs queued for review
});
