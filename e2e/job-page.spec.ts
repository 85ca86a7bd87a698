import { expect, test } from "@playwright/test";
import { authFile } from "./e2e-paths";

test.use({ storageState: authFile("lead") });

test("a lead is told when a job ends, opens its page from the jobs list: configuration, who started it, items filtered, and clones it", async ({
  page,
  baseURL,
}) => {
  await page.goto("/jobs");
  await expect(page.getByRole("table", { name: "Jobs" }).or(page.getByText("No jobs yet."))).toBeVisible();
  const started = await page.request.post("/api/jobs", {
    data: { kind: "mutation", keepPerTask: 3, tasks: { database: "city_library", limit: 20 } },
    headers: { origin: baseURL! },
  });
  expect(started.ok()).toBe(true);
  const { job } = (await started.json()) as { job: { id: string } };
  // paused at once, so the page sees it open before it ends (however fast the runner is)
  expect((await page.request.post(`/api/jobs/${job.id}/pause`, { headers: { origin: baseURL! } })).ok()).toBe(
    true,
  );
  const row = page.getByRole("table", { name: "Jobs" }).locator(`[data-job-id="${job.id}"]`);
  await expect(row.getByTestId("job-status")).toHaveText(/paus/);
  // the lead goes on to another page; the job ends meanwhile: a notice says so there, without a reload
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks" }).click();
  await expect(page.getByRole("main").getByRole("heading", { name: "Tasks", level: 1 })).toBeVisible();
  expect(
    (await page.request.post(`/api/jobs/${job.id}/resume`, { headers: { origin: baseURL! } })).ok(),
  ).toBe(true);
  await expect(page.getByTestId("job-end-notice").filter({ hasText: job.id.slice(-8) })).toContainText(
    /The mutation job \S+ is done/,
    { timeout: 30_000 },
  );
  await expect(page).toHaveURL(/\/tasks$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await row.getByTestId("job-link").click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${job.id}$`));
  await expect(page.getByTestId("job-started-by")).toContainText("started by Lee Lead");
  const config = page.getByRole("region", { name: "Configuration" });
  await expect(config).toContainText("Pairs kept per task");
  await expect(config).toContainText("city_library");
  await expect(page.getByTestId("job-progress")).toHaveText("20/20 items", { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Model calls" })).toContainText("No model calls");

  const log = page.getByRole("region", { name: "Item log" });
  await expect(log.getByTestId("item-status")).toHaveCount(20);
  // each item names its task as a link, not as raw JSON
  await expect(log.getByRole("link", { name: /^task …\w{8}$/ })).toHaveCount(20);
  await expect(log).not.toContainText('{"taskId"');
  await log.getByLabel("Item status").selectOption("done");
  await expect(log.getByTestId("item-status").filter({ hasNotText: "done" })).toHaveCount(0);
  await expect(log.getByTestId("item-status").first()).toHaveText("done");
  await log.getByLabel("Item status").selectOption("leased");
  await expect(log).toContainText("No items match these filters.");

  await page.getByRole("link", { name: "Clone" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs\\?clone=${job.id}$`));
  await expect(page.getByTestId("clone-notice")).toContainText("mutation");
  const form = page.getByRole("form", { name: "Start a mutation job" });
  await expect(form.getByLabel("At most tasks")).toHaveValue("20");
  await expect(form.getByLabel("Job database")).toHaveValue("city_library");
});

test("a job page of a job that does not exist answers our 404 page, titled so, in one request", async ({
  page,
}) => {
  const requests: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.includes("no-such-job")) requests.push(`${r.method()} ${r.url()}`);
  });
  const response = await page.goto("/jobs/no-such-job");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found · Sense Studio");
  await page.waitForLoadState("networkidle");
  expect(requests).toEqual([`GET ${new URL("/jobs/no-such-job", page.url()).href}`]);
  // an address no route has gets the same title
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found · Sense Studio");
});

test("the new-job forms estimate requests, tokens and cost before a lead starts a job", async ({ page }) => {
  await page.goto("/jobs");
  const weak = page.getByRole("form", { name: "Start a weak job" });
  await weak.getByLabel("Weak job database").selectOption("city_library");
  await weak.getByLabel("Samples per task").fill("3");
  await expect(weak.getByTestId("job-estimate")).toContainText("Estimate: 108 requests (36 tasks)");
  await expect(
    page.getByRole("form", { name: "Start a strong job" }).getByTestId("job-estimate"),
  ).toContainText(/Estimate: \d+ requests/);
  await expect(
    page.getByRole("form", { name: "Start a mutation job" }).getByTestId("job-estimate"),
  ).toContainText("costs nothing");
});
