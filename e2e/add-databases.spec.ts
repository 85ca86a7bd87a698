import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2eImportsDir, projectRoot } from "./e2e-paths";
import { writeBirdFolder, writeGardenDatabase } from "./fixtures";

test("upload a SQLite file, see it listed and introspected; a non-SQLite file gets a clear error", async ({
  page,
}, testInfo) => {
  const file = testInfo.outputPath("allotments.sqlite");
  writeGardenDatabase(file);
  await page.goto("/databases");
  const upload = page.getByRole("form", { name: "Upload a SQLite file" });
  await upload.getByLabel("SQLite file").setInputFiles(file);
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByRole("status")).toHaveText("Registered allotments (2 tables).");
  // the form was cleared; choosing the next file clears the old message too
  await upload.getByLabel("SQLite file").setInputFiles(file);
  await expect(upload.getByRole("status")).toHaveCount(0);
  await page.getByRole("table", { name: "Databases" }).getByRole("link", { name: "allotments" }).click();
  await expect(
    page.getByRole("table", { name: "Columns of plantings" }).getByRole("row").filter({ hasText: "plot_id" }),
  ).toContainText("FK → plots.plot_id");
  await expect(page.getByRole("region", { name: "Table plots" })).toContainText("2 rows");

  await page.goto("/databases");
  const notSqlite = testInfo.outputPath("notes.sqlite");
  fs.writeFileSync(notSqlite, "this is not a database");
  await upload.getByLabel("SQLite file").setInputFiles(notSqlite);
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByRole("alert")).toHaveText("notes.sqlite is not a SQLite database (bad header).");

  await upload.getByLabel("SQLite file").setInputFiles(file);
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByRole("alert")).toHaveText(
    'The name "allotments" is taken: a database is already registered under it. Choose another name, e.g. "allotments_2".',
  );
});

test("import a BIRD folder from the UI: tasks added, a missing file reported, re-import adds nothing", async ({
  page,
}) => {
  const dir = path.join(e2eImportsDir, "bird-mini");
  writeBirdFolder(dir);
  await page.goto("/databases");
  const form = page.getByRole("form", { name: "Import a benchmark" });
  await form.getByLabel("Format").selectOption("bird");
  await form.getByLabel("Benchmark folder").fill(dir);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toContainText("3 tasks added, 0 already present, over 2 databases");
  await expect(form.getByRole("status")).toContainText(
    "seed_bank: missing — dev_databases/seed_bank/seed_bank.sqlite not found",
  );

  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toContainText("0 tasks added, 3 already present");

  await page.goto("/tasks?database=garden_club");
  await expect(page.getByTestId("task-count")).toHaveText(/^2 tasks/);
  await page.getByRole("link", { name: "Which crops grow in the Greenhouse?" }).click();
  await expect(page.getByText("Greenhouse refers to plots.name = 'Greenhouse'")).toBeVisible();

  await page.goto("/databases/seed_bank");
  await expect(page.getByText("Schema as declared in the benchmark's tables.json")).toBeVisible();
  await expect(page.getByRole("table", { name: "Columns of packets" })).toContainText("species");
});

test("bad import input is refused with an error that names the problem, and nothing is lost", async ({
  page,
}) => {
  const dir = path.join(e2eImportsDir, "bird-broken");
  writeBirdFolder(dir, [
    { db_id: "garden_club", question: "Fine question?", SQL: "SELECT 1" },
    { db_id: "garden_club", SQL: "SELECT 2" },
  ]);
  await page.goto("/tasks");
  const before = await page.getByTestId("task-count").textContent();

  await page.goto("/databases");
  const form = page.getByRole("form", { name: "Import a benchmark" });
  await form.getByLabel("Format").selectOption("bird");
  await form.getByLabel("Benchmark folder").fill(dir);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("alert")).toContainText('dev.json: record 1: field "question"');

  await form.getByLabel("Benchmark folder").fill(projectRoot);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("alert")).toContainText("is outside the folders the dashboard may read");

  await page.goto("/tasks");
  await expect(page.getByTestId("task-count")).toHaveText(before ?? "");
});

test("an upload name past the limit is refused with the limit in words, not cut short; the field shows the limit", async ({
  page,
}, testInfo) => {
  const file = testInfo.outputPath("long-named.sqlite");
  writeGardenDatabase(file);
  const longName = `garden_${"x".repeat(63)}`; // 70 characters
  await page.goto("/databases");
  const upload = page.getByRole("form", { name: "Upload a SQLite file" });
  await expect(upload.getByLabel("Database name")).toHaveAccessibleDescription(/at most 64 characters/);
  await upload.getByLabel("SQLite file").setInputFiles(file);
  await upload.getByLabel("Database name").fill(longName);
  await expect(upload.getByLabel("Database name")).toHaveValue(longName);
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByRole("alert")).toContainText("at most 64 characters (this one has 70)");
  await expect(
    page.getByRole("table", { name: "Databases" }).getByRole("link", { name: longName.slice(0, 64) }),
  ).toHaveCount(0);
});
