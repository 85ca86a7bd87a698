import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { authFile, e2eImportsDir, projectRoot, spiderDir } from "./e2e-paths";
import { writeGardenDatabase } from "./fixtures";

// The admin's journeys on databases: paths typed as in the README, names that clash, failed imports,
// rename and delete (refused while a job uses the database). The annotator's journey on a task page.

/** A Spider-layout folder of our own: one database `ferry_lines` with `count` tasks. */
function writeFerryFolder(dir: string, count: number): void {
  fs.rmSync(dir, { recursive: true, force: true });
  const file = path.join(dir, "database", "ferry_lines", "ferry_lines.sqlite");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.exec(
    "CREATE TABLE ferry (id INTEGER PRIMARY KEY, name TEXT, knots REAL); INSERT INTO ferry VALUES (1, 'Skerry', 12.5), (2, 'Puffin', 9);",
  );
  db.close();
  const records = Array.from({ length: count }, (_, i) => ({
    db_id: "ferry_lines",
    question: `Which ferries are faster than ${i} knots?`,
    query: `SELECT name FROM ferry WHERE knots > ${i}`,
  }));
  fs.writeFileSync(path.join(dir, "dev.json"), JSON.stringify(records));
  fs.writeFileSync(path.join(dir, "tables.json"), "[]");
}

test("a relative path is taken from the project folder, as in the README; a missing one names the absolute path looked at", async ({
  page,
}) => {
  await page.goto("/databases");
  const form = page.getByRole("form", { name: "Import a benchmark" });
  await form.getByLabel("Benchmark folder").fill("../no-such-benchmark");
  await form.getByRole("button", { name: "Import" }).click();
  const absolute = path.resolve(projectRoot, "..", "no-such-benchmark");
  await expect(form.getByRole("alert")).toHaveText(
    `Path not found on the server: ${absolute} ("../no-such-benchmark" taken from the project folder ${projectRoot})`,
  );
  // the failed import is listed with its error
  const recent = page.getByRole("region", { name: "Recent imports" });
  await expect(recent.getByRole("listitem").first()).toContainText("failed");
  await expect(recent.getByRole("listitem").first()).toContainText(
    `Path not found on the server: ${absolute}`,
  );

  if (fs.existsSync(path.join(spiderDir, "dev.json"))) {
    await form.getByLabel("Benchmark folder").fill("../shared/data/spider"); // the README's own example
    await form.getByRole("button", { name: "Import" }).click();
    await expect(form.getByRole("status")).toContainText("0 tasks added, 1034 already present");
  }
});

test("register by path under a name of one's choosing; a taken name says so and another can be picked", async ({
  page,
}) => {
  const file = path.join(e2eImportsDir, "named", "garden.sqlite");
  writeGardenDatabase(file);
  await page.goto("/databases");
  const form = page.getByRole("form", { name: "Register a file on the server" });
  await form.getByLabel("Server file path").fill(path.relative(projectRoot, file));
  await form.getByLabel("Database name").fill("city_library");
  await form.getByRole("button", { name: "Register" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    'The name "city_library" is taken: a database is already registered under it. Choose another name, e.g. "city_library_2".',
  );
  await expect(form.getByLabel("Database name")).toBeFocused();
  await form.getByLabel("Database name").fill("garden_by_path");
  await form.getByRole("button", { name: "Register" }).click();
  await expect(form.getByRole("status")).toHaveText("Registered garden_by_path (2 tables).");
});

test("rename and delete a database: refused while a job uses it, naming the job; the confirmation says what goes with it", async ({
  page,
  request,
  baseURL,
}) => {
  const dir = path.join(e2eImportsDir, "ferry-spider");
  writeFerryFolder(dir, 60);
  await page.goto("/databases");
  const form = page.getByRole("form", { name: "Import a benchmark" });
  await form.getByLabel("Benchmark folder").fill(path.relative(projectRoot, dir));
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toContainText("60 tasks added");

  // the tasks list says which level it shows: Spider gives none, so its hardness
  await page.goto("/tasks?database=ferry_lines");
  await expect(page.getByRole("table", { name: "Tasks" }).getByRole("row").nth(1)).toContainText(
    "Spider hardness",
  );

  await page.goto("/databases/ferry_lines");
  await expect(page.getByRole("navigation", { name: "Table of contents" })).toContainText("ferry");
  await expect(page.getByRole("navigation", { name: "Table of contents" })).toContainText("3 cols");

  const manage = page.getByRole("region", { name: "Manage this database" });
  await manage.getByRole("textbox", { name: "New name" }).fill("city_library");
  await manage.getByRole("button", { name: "Rename" }).click();
  await expect(manage.getByRole("alert")).toContainText('The name "city_library" is taken');
  await manage.getByRole("textbox", { name: "New name" }).fill("ferry_routes");
  await manage.getByRole("button", { name: "Rename" }).click();
  await expect(page).toHaveURL(/\/databases\/ferry_routes$/);
  await expect(page.getByRole("heading", { level: 1, name: "ferry_routes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "60 tasks" })).toBeVisible();

  // a job on it (slowed down in the e2e app), paused: deleting is refused, naming it
  const headers = { origin: baseURL! };
  const started = await request.post("/api/jobs", {
    headers,
    data: { kind: "mutation", tasks: { database: "ferry_routes" } },
  });
  expect(started.status()).toBe(200);
  const jobId = ((await started.json()) as { job: { id: string } }).job.id;
  expect((await request.post(`/api/jobs/${jobId}/pause`, { headers })).status()).toBe(200);
  await manage.getByRole("button", { name: "Delete database…" }).click();
  const blocked = page.getByRole("alertdialog", { name: "ferry_routes cannot be deleted now" });
  await expect(blocked).toContainText(`mutation job ${jobId} (paused)`);
  await blocked.getByRole("button", { name: "Cancel" }).click();

  expect((await request.post(`/api/jobs/${jobId}/cancel`, { headers })).status()).toBe(200);
  await manage.getByRole("button", { name: "Delete database…" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete ferry_routes?" });
  await expect(confirm.getByTestId("deletion-contents")).toContainText("60 tasks, 0 SFT samples,");
  await confirm.getByRole("button", { name: "Delete ferry_routes" }).click();
  await expect(page).toHaveURL(/\/databases$/);
  await expect(
    page.getByRole("table", { name: "Databases" }).getByRole("link", { name: "city_library", exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Databases" }).getByRole("link", { name: "ferry_routes" }),
  ).toHaveCount(0);
});

test.describe("as an annotator", () => {
  test.use({ storageState: authFile("annotator") });

  test("a task page runs its gold SQL and lists its pairs and candidates; no database management offered", async ({
    page,
  }) => {
    await page.goto("/tasks?database=city_library");
    await expect(page.getByRole("table", { name: "Tasks" }).getByRole("row").nth(1)).toContainText(
      "demo level",
    );
    await page.getByRole("link", { name: "How many branches does the library have?" }).click();
    await expect(page.getByTestId("task-question")).toHaveText("How many branches does the library have?");
    await page.getByRole("button", { name: "Run gold SQL" }).click();
    const result = page.getByRole("region", { name: "Gold SQL result" });
    await expect(result.getByRole("status")).toContainText(/^1 row in [\d.]+ ms/);
    await expect(result.getByRole("table", { name: "Gold SQL rows" }).getByRole("row")).toHaveCount(2);
    await expect(page.getByRole("region", { name: "Preference pairs of this task" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Candidates of this task" })).toBeVisible();

    await page.goto("/databases/city_library");
    await expect(page.getByRole("navigation", { name: "Table of contents" })).toContainText("6 tables");
    await expect(page.getByRole("region", { name: "Manage this database" })).toHaveCount(0);
  });
});
