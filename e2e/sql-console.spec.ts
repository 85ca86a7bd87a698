import { expect, test } from "@playwright/test";
import path from "node:path";
import { authFile, e2eImportsDir } from "./e2e-paths";
import { writeGardenDatabase } from "./fixtures";

test.use({ storageState: authFile("researcher") });

test.beforeAll(async ({ playwright, baseURL }) => {
  const file = path.join(e2eImportsDir, "console", "greenhouse.sqlite");
  writeGardenDatabase(file);
  // registering a database is an admin's job; the journeys below are a researcher's
  const admin = await playwright.request.newContext({ baseURL, storageState: authFile("admin"), extraHTTPHeaders: { origin: baseURL! } });
  const response = await admin.post("/api/databases/from-path", { data: { path: file } });
  expect([200, 409]).toContain(response.status());
  await admin.dispose();
});

test("the console runs a query and shows its rows; a bad query shows the error in words", async ({ page }) => {
  await page.goto("/console?database=greenhouse");
  const editor = page.getByRole("textbox", { name: "SQL" });
  await editor.fill("SELECT crop, planted_on FROM plantings ORDER BY planted_on");
  await editor.press("Control+Enter");
  await expect(page.getByRole("main").getByRole("status")).toContainText("3 rows in");
  const rows = page.getByRole("table", { name: "Result rows" }).getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("kale");

  await editor.fill("SELECT harvest FROM plantings");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Error: no such column: harvest");

  await editor.fill("DELETE FROM plantings");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Refused: Only queries that read can run");
});

test("a runaway query times out while the dashboard keeps answering", async ({ page, request }) => {
  await page.goto("/console?database=greenhouse");
  await page.getByRole("textbox", { name: "SQL" }).fill("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c");
  const started = Date.now();
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByRole("button", { name: "Running…" })).toBeVisible();
  const health = await request.get("/api/health");
  expect(health.ok()).toBe(true);
  expect(Date.now() - started).toBeLessThan(1_500); // answered while the query was still running
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Timed out: The query ran longer than 1500 ms and was stopped\.$/, { timeout: 5_000 });
});

test("a blank query says so and clears the old result; a result cut by size says why", async ({ page }) => {
  await page.goto("/console?database=greenhouse");
  const editor = page.getByRole("textbox", { name: "SQL" });
  await editor.fill("SELECT crop FROM plantings");
  await editor.press("Control+Enter");
  await expect(page.getByRole("table", { name: "Result rows" })).toBeVisible();

  await editor.fill("   ");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Type a query to run.");
  await expect(page.getByRole("table", { name: "Result rows" })).toHaveCount(0);

  await editor.fill("SELECT zeroblob(50000000)");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("The first row alone is larger than 2 MB; no rows are shown.");

  await editor.fill("SELEC * FROM plantings");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText('Syntax error: near "SELEC": syntax error (line 1, column 1)');
});
