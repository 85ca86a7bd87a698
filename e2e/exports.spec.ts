import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { authFile } from "./e2e-paths";

test.use({ storageState: authFile("researcher") });

const linesOf = (file: string) =>
  fs
    .readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
async function download(page: Page, link: ReturnType<Page["getByRole"]>) {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return { name: file.suggestedFilename(), path: (await file.path())! };
}

// The e2e store holds the pairs of the weak job serve-e2e.ts ran (pending review), so the journey
// exports pending pairs of the demo database.
test("a researcher picks filters and a format, previews the first records, downloads the file and finds it listed with its manifest", async ({
  page,
}) => {
  await page.goto("/exports");
  const form = page.getByRole("form", { name: "New export" });
  await form.getByLabel("Format").selectOption("trl-dpo-conversational");
  await form.getByLabel("Prompt template").selectOption("schema-with-rows");
  await form.getByRole("checkbox", { name: "pending" }).check();
  await form.getByLabel("Export database").selectOption("city_library");
  await form.getByRole("button", { name: "Preview" }).click();
  const preview = form.getByRole("region", { name: "Preview" });
  await expect(preview.getByTestId("preview-selected")).toHaveText(/^[1-9]\d* pairs selected/);
  await expect(preview.locator("pre")).toHaveCount(3);
  const first = JSON.parse((await preview.locator("pre").first().textContent()) ?? "{}");
  expect(first.prompt[0]).toMatchObject({ role: "system" });
  expect(first.prompt[1].content).toContain("Sample rows:");
  expect(first.chosen).toEqual([{ role: "assistant", content: expect.any(String) }]);

  await form.getByRole("button", { name: "Start export" }).click();
  await expect(form.getByRole("status")).toHaveText("Export started.");
  const row = page.getByRole("table", { name: "Exports" }).getByRole("row").nth(1);
  await expect(row).toContainText("done", { timeout: 20_000 });
  const id = await row.getAttribute("data-export-id");
  const file = await download(page, row.getByRole("link", { name: `trl-dpo-conversational-${id}.jsonl` }));
  expect(file.name).toBe(`trl-dpo-conversational-${id}.jsonl`); // the export's id in the name: downloads never collide
  const lines = linesOf(file.path);
  expect(lines.length).toBe(Number(await row.getByTestId("export-rows").textContent()));
  for (const l of lines) expect(Object.keys(l).sort()).toEqual(["chosen", "id", "prompt", "rejected"]);

  await row.getByRole("button", { name: "Manifest" }).click();
  const manifest = JSON.parse((await page.getByLabel("Manifest").textContent()) ?? "{}");
  // its long lines wrap: the open manifest does not make the page wider than the window
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  expect(manifest).toMatchObject({
    format: "trl-dpo-conversational",
    template: { name: "schema-with-rows", sampleRows: 3 },
    filters: { statuses: ["accepted", "edited", "pending"], database: "city_library" },
  });
  expect(manifest.counts.written).toBe(lines.length);
  expect(manifest.files[0].rows).toBe(lines.length);
  expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+$/);
  const trace = linesOf((await download(page, row.getByRole("link", { name: "trace" }))).path);
  expect(trace.map((t) => t.id)).toEqual(lines.map((l) => l.id)); // each line's item, in order
});

test("a named export split by schema: the preview shows each side's rows, the files carry the name, dataset_info.json downloads", async ({
  page,
}) => {
  await page.goto("/exports");
  const form = page.getByRole("form", { name: "New export" });
  await form.getByLabel("Export name").fill("Pairs for LF v1");
  await form.getByLabel("Format").selectOption("llamafactory-alpaca-preference");
  await form.getByRole("checkbox", { name: "pending" }).check();
  await form.getByLabel("Validation share of rows").fill("0.2");
  await form.getByRole("button", { name: "Preview" }).click();
  const preview = form.getByRole("region", { name: "Preview" });
  await expect(preview.getByTestId("preview-split")).toContainText("rows to train and");
  const train = Number(await preview.getByTestId("preview-train-rows").textContent());
  const validation = Number(await preview.getByTestId("preview-validation-rows").textContent());
  expect(validation / (train + validation)).toBeGreaterThanOrEqual(0.15);
  expect(validation / (train + validation)).toBeLessThanOrEqual(0.25);

  await form.getByRole("button", { name: "Start export" }).click();
  await expect(form.getByRole("status")).toHaveText("Export started.");
  const row = page.getByRole("table", { name: "Exports" }).getByRole("row").nth(1);
  await expect(row).toContainText("done", { timeout: 20_000 });
  await expect(row.getByTestId("export-name")).toHaveText("Pairs for LF v1");
  const id = await row.getAttribute("data-export-id");
  const trainFile = await download(
    page,
    row.getByRole("link", { name: `pairs-for-lf-v1-${id}-train.jsonl` }),
  );
  const validationFile = await download(
    page,
    row.getByRole("link", { name: `pairs-for-lf-v1-${id}-validation.jsonl` }),
  );
  expect([linesOf(trainFile.path).length, linesOf(validationFile.path).length]).toEqual([train, validation]);
  for (const l of linesOf(trainFile.path))
    expect(l).toMatchObject({ system: expect.stringContaining("SQLite expert"), id: expect.any(String) });
  const info = await download(page, row.getByRole("link", { name: "dataset_info.json" }));
  expect(info.name).toBe("dataset_info.json"); // the one name LLaMA-Factory reads in its dataset_dir
  const entries = JSON.parse(fs.readFileSync(info.path, "utf8"));
  expect(
    Object.values(entries)
      .map((e) => (e as { file_name: string }).file_name)
      .sort(),
  ).toEqual([trainFile.name, validationFile.name].sort());
  expect(entries[`pairs-for-lf-v1-${id}-train`]).toMatchObject({
    ranking: true,
    columns: { system: "system" },
  });
});

test("a bad export request is refused with the reason, and nothing is listed for it", async ({ page }) => {
  await page.goto("/exports");
  const form = page.getByRole("form", { name: "New export" });
  await expect(
    page.getByRole("table", { name: "Exports" }).or(page.getByText("No exports yet.")),
  ).toBeVisible(); // the list has loaded
  const before = await page.getByRole("table", { name: "Exports" }).getByRole("row").count();
  // nothing selected: the demo database has no SFT samples
  await form.getByLabel("Format").selectOption("alpaca");
  await form.getByLabel("Export database").selectOption("city_library");
  await form.getByRole("button", { name: "Start export" }).click();
  await expect(form.getByRole("alert")).toContainText("Nothing to export: no SFT samples match");
  // the strong job's databases share one schema: no split by schema can be made
  await form.getByLabel("Export database").selectOption("");
  await form.getByRole("checkbox", { name: "pending" }).check();
  await form.getByLabel("Validation share of rows").fill("0.2");
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByRole("alert")).toContainText(
    /needs at least two distinct schemas; this selection has 1 schema \(/,
  );
  // a date range that ends before it starts
  await form.getByLabel("Validation share of rows").fill("0");
  await form.getByLabel("From").fill("2026-06-02");
  await form.getByLabel("To").fill("2026-06-01");
  await form.getByRole("button", { name: "Start export" }).click();
  await expect(form.getByRole("alert")).toContainText("From (2026-06-02) is after To (2026-06-01)");
  await page.reload();
  await expect(
    page.getByRole("table", { name: "Exports" }).or(page.getByText("No exports yet.")),
  ).toBeVisible();
  expect(await page.getByRole("table", { name: "Exports" }).getByRole("row").count()).toBe(before);
});
