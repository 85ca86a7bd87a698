import { expect, type Page } from "@playwright/test";

/**
 * Starts a mutation job from the Jobs page's form (the page must be open) on a database of the
 * Spider dev set, over at most `maxTasks` tasks; gives back its row in the Jobs table (the newest)
 * and the short id the page names it by.
 */
export async function startMutationJob(page: Page, database: string, maxTasks: number) {
  const form = page.getByRole("form", { name: "Start a mutation job" });
  await form.getByLabel("Job database").selectOption(database);
  await form.getByLabel("At most tasks").fill(String(maxTasks));
  await form.getByRole("button", { name: "Start job" }).click();
  await expect(form.getByRole("status")).toHaveText("Job started.");
  const row = page.getByRole("table", { name: "Jobs" }).getByRole("row").nth(1);
  const jobId = (await row.getAttribute("data-job-id")) ?? "";
  return { row, jobId, shortId: jobId.slice(-8) };
}
