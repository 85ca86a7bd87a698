import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { authFile, e2eImportsDir } from "./e2e-paths";

test.use({ storageState: authFile("annotator") });

// 30 tables (two pages of the schema), one with a generated column whose rows take long to compute
test.beforeAll(async ({ playwright, baseURL }) => {
  const file = path.join(e2eImportsDir, "schema-pages", "warehouse.sqlite");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  const slow = Array.from({ length: 200 }, () => "length(hex(zeroblob(20000000)))").join(" + ");
  db.exec(`BEGIN;
    CREATE TABLE a_heavy (id INTEGER PRIMARY KEY, price REAL);
    INSERT INTO a_heavy (id, price) VALUES (1, 2.5);
    -- added after the row: SQLite computes a generated column for each row inserted, which here would
    -- take this test 13-30 s before anything is tested; ALTER TABLE leaves the work to the first read
    ALTER TABLE a_heavy ADD COLUMN big INTEGER GENERATED ALWAYS AS (${slow}) VIRTUAL;
    ${Array.from({ length: 29 }, (_, i) => `CREATE TABLE shelf_${String(i).padStart(2, "0")} (id INTEGER PRIMARY KEY, label TEXT); INSERT INTO shelf_${String(i).padStart(2, "0")} VALUES (1, 'label ${i}');`).join("\n")}
    COMMIT;`);
  db.close();
  const admin = await playwright.request.newContext({
    baseURL,
    storageState: authFile("admin"),
    extraHTTPHeaders: { origin: baseURL! },
  });
  const response = await admin.post("/api/databases/from-path", { data: { path: file } });
  expect([200, 409]).toContain(response.status());
  await admin.dispose();
});

test("a schema is shown a page of tables at a time; a generated column is marked and its slow rows are reported, not waited for", async ({
  page,
}) => {
  await page.goto("/databases/warehouse");
  const nav = page.getByRole("navigation", { name: "Table pages" });
  await expect(nav.getByTestId("table-range")).toHaveText("Tables 1–25 of 30");
  await expect(page.getByRole("region", { name: /^Table / })).toHaveCount(25);
  const heavy = page.getByRole("region", { name: "Table a_heavy", exact: true });
  await expect(
    heavy.getByRole("table", { name: "Columns of a_heavy" }).getByRole("row").filter({ hasText: "big" }),
  ).toContainText("generated (virtual)");
  // whichever limit of the sandbox the column's huge strings meet first: time or memory
  await expect(heavy).toContainText(
    /Not read: (its rows took longer than \d+ ms to compute|The query needed more than \d+ MB of memory)/,
  );
  await expect(page.getByRole("table", { name: "First rows of shelf_00" })).toContainText("label 0");

  await nav.getByRole("link", { name: "Next tables →" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(nav.getByTestId("table-range")).toHaveText("Tables 26–30 of 30");
  await expect(page.getByRole("region", { name: /^Table / })).toHaveCount(5);
  await expect(page.getByRole("table", { name: "First rows of shelf_28" })).toContainText("label 28");
});

test.describe("a schema of 500 tables", () => {
  const tables = Array.from({ length: 500 }, (_, i) => `t${String(i).padStart(3, "0")}`);

  test.beforeAll(async ({ playwright, baseURL }) => {
    const file = path.join(e2eImportsDir, "schema-pages", "atlas.sqlite");
    fs.rmSync(file, { force: true });
    const db = new Database(file);
    db.exec(
      `BEGIN; ${tables.map((t) => `CREATE TABLE ${t} (id INTEGER PRIMARY KEY, note TEXT);`).join("\n")} COMMIT;`,
    );
    db.close();
    const admin = await playwright.request.newContext({
      baseURL,
      storageState: authFile("admin"),
      extraHTTPHeaders: { origin: baseURL! },
    });
    const response = await admin.post("/api/databases/from-path", { data: { path: file } });
    expect([200, 409]).toContain(response.status());
    await admin.dispose();
  });

  test("holds one page of table sections in the page, and the contents reach the last table", async ({
    page,
  }) => {
    await page.goto("/databases/atlas");
    const contents = page.getByRole("navigation", { name: "Table of contents" });
    await expect(contents.getByRole("link")).toHaveCount(500);
    const sections = page.getByRole("region", { name: /^Table / });
    await expect(sections.first()).toBeVisible();
    expect(await sections.count()).toBeLessThan(100);

    await contents.getByRole("link", { name: "t499", exact: true }).click();
    await expect(page).toHaveURL(/page=20#table-t499$/);
    const last = page.getByRole("region", { name: "Table t499", exact: true });
    await expect(last).toBeInViewport();
    await expect(last.getByRole("table", { name: "Columns of t499" })).toContainText("note");
    expect(await sections.count()).toBeLessThan(100);
  });
});
