import { expect, test } from "@playwright/test";
import path from "node:path";
import { authFile, e2eImportsDir } from "./e2e-paths";
import { writeGardenDatabase } from "./fixtures";
import { replaceSql } from "./sql-editor-input";

test.use({ storageState: authFile("researcher") });

test.beforeAll(async ({ playwright, baseURL }) => {
  const file = path.join(e2eImportsDir, "console", "greenhouse.sqlite");
  writeGardenDatabase(file);
  // registering a database is an admin's job; the journeys below are a researcher's
  const admin = await playwright.request.newContext({
    baseURL,
    storageState: authFile("admin"),
    extraHTTPHeaders: { origin: baseURL! },
  });
  const response = await admin.post("/api/databases/from-path", { data: { path: file } });
  expect([200, 409]).toContain(response.status());
  await admin.dispose();
});

test("the console runs a query and shows its rows; a bad query shows the error in words", async ({
  page,
}) => {
  await page.goto("/console?database=greenhouse");
  const editor = page.getByRole("textbox", { name: "SQL" });
  await replaceSql(page, editor, "SELECT crop, planted_on FROM plantings ORDER BY planted_on");
  await editor.press("Control+Enter");
  await expect(page.getByRole("main").getByRole("status")).toContainText("3 rows in");
  const rows = page.getByRole("table", { name: "Result rows" }).getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("kale");

  await replaceSql(page, editor, "SELECT harvest FROM plantings");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Error: no such column: harvest");

  await replaceSql(page, editor, "DELETE FROM plantings");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "Refused: Only queries that read can run",
  );
});

test("a runaway query times out while the dashboard keeps answering", async ({ page, request }) => {
  await page.goto("/console?database=greenhouse");
  await replaceSql(
    page,
    page.getByRole("textbox", { name: "SQL" }),
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
  );
  const started = Date.now();
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByRole("button", { name: "Running…" })).toBeVisible();
  const health = await request.get("/api/health");
  expect(health.ok()).toBe(true);
  expect(Date.now() - started).toBeLessThan(1_500); // answered while the query was still running
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /^Timed out: The query ran longer than 1500 ms and was stopped\.$/,
    { timeout: 5_000 },
  );
});

test("a blank query says so and clears the old result; a result cut by size says why", async ({ page }) => {
  await page.goto("/console?database=greenhouse");
  const editor = page.getByRole("textbox", { name: "SQL" });
  await replaceSql(page, editor, "SELECT crop FROM plantings");
  await editor.press("Control+Enter");
  await expect(page.getByRole("table", { name: "Result rows" })).toBeVisible();

  await replaceSql(page, editor, "   ");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Type a query to run.");
  await expect(page.getByRole("table", { name: "Result rows" })).toHaveCount(0);

  await replaceSql(page, editor, "SELECT zeroblob(50000000)");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(
    "The first row alone is larger than 2 MB; no rows are shown.",
  );

  await replaceSql(page, editor, "SELEC * FROM plantings");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    'Syntax error: near "SELEC": syntax error (line 1, column 1)',
  );
});

test("the schema panel inserts names, Format lays the SQL out, history brings a query back, Cancel stops a runaway, 1000 rows are virtualized", async ({
  page,
}) => {
  await page.goto("/console?database=greenhouse");
  const editor = page.getByRole("textbox", { name: "SQL" });
  await replaceSql(page, editor, "select crop from ");
  await page
    .getByRole("navigation", { name: "Schema" })
    .getByRole("button", { name: "plantings", exact: true })
    .click();
  await expect(editor).toHaveText("select crop from plantings");
  await page.getByRole("button", { name: "Format" }).click();
  await expect(editor).toHaveText(/^SELECT\s+crop\s*FROM\s+plantings$/);
  await editor.press("Control+Enter");
  await expect(page.getByRole("main").getByRole("status")).toContainText("3 rows in");

  await replaceSql(
    page,
    editor,
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) SELECT i FROM n",
  );
  await editor.press("Control+Enter");
  await expect(page.getByRole("main").getByRole("status")).toContainText("1000 rows in");
  const rows = page.getByRole("table", { name: "Result rows" }).getByRole("row");
  await expect(rows.nth(1)).toContainText("1");
  expect(await rows.count()).toBeLessThan(100); // only the rows in view (and a few around) are in the page

  await replaceSql(
    page,
    editor,
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
  );
  await page.getByRole("button", { name: "Run" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Run" })).toBeEnabled();
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  // where the result would be: what happened, not a blank
  await expect(page.getByRole("main").getByRole("status")).toHaveText(/^Cancelled after \d+ ms\.$/);

  await page.getByText(/^History \(/).click();
  const history = page.getByRole("list", { name: "Query history" }).getByRole("button");
  await expect(history.first()).toHaveText(/^WITH RECURSIVE c\(x\)/);
  await history.nth(2).click();
  await expect(editor).toHaveText(/^SELECT\s+crop\s*FROM\s+plantings$/);
});

test("completion shows lettered type icons, closes when Ctrl+Enter runs, and stays inside the window at the end of a long line", async ({
  page,
}) => {
  await page.goto("/console?database=greenhouse");
  const editor = page.getByRole("textbox", { name: "SQL" });
  const completion = page.locator(".cm-tooltip-autocomplete");
  // columns are offered where a word starts, not only after "table.", with the table that has them
  await replaceSql(page, editor, "SELECT ");
  await page.keyboard.type("cr");
  await expect(completion.getByRole("option", { name: /^crop\s*plantings$/ })).toBeVisible();
  await page.keyboard.press("Escape"); // closes the completion (it covers the editor's first line)
  await expect(completion).toHaveCount(0);
  await replaceSql(page, editor, "SELECT crop FROM plantings WHERE ");
  await page.keyboard.type("pl");
  await expect(completion).toBeVisible();
  // each icon is a letter of its own (no empty box where a glyph is missing)
  const icons = await completion
    .locator(".cm-completionIcon")
    .evaluateAll((els) => els.map((el) => getComputedStyle(el, "::after").content));
  expect(icons.length).toBeGreaterThan(0);
  for (const icon of icons) expect(icon).toMatch(/^"[A-Z]"$/);

  await page.keyboard.press("Control+Enter"); // it ran ("pl" is no column: the engine says so)
  await expect(page.getByRole("main").getByRole("alert")).toContainText("no such column: pl");
  await expect(completion).toHaveCount(0);

  await page.setViewportSize({ width: 720, height: 800 });
  const word = "crop = 'kale' OR ";
  await replaceSql(page, editor, `SELECT crop FROM plantings WHERE ${word.repeat(6)}`);
  // type to the end of the line's width, then ask for completion there
  for (let i = 0; i < 40; i++) {
    const [caret, content] = await Promise.all([
      page.locator(".cm-cursor").first().boundingBox(),
      page.locator(".cm-content").boundingBox(),
    ]);
    if (caret && content && caret.x > content.x + content.width - 60) break;
    await page.keyboard.insertText("x");
  }
  await page.keyboard.type(" pl");
  await expect(completion).toBeVisible();
  const box = (await completion.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(720);
});
