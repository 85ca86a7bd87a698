import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { authFile } from "./e2e-paths";

test.use({ storageState: authFile("researcher") });

// The e2e store holds the pairs of the weak job serve-e2e.ts ran (pending review), so the journey
// exports pending pairs of the demo database.
test("a researcher picks filters and a format, previews the first records, downloads the file and finds it listed with its manifest", async ({ page }) => {
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
  const link = row.getByRole("link", { name: "trl-dpo-conversational.jsonl" });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const lines = fs.readFileSync((await download.path())!, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  expect(lines.length).toBe(Number(await row.getByTestId("export-rows").textContent()));
  for (const l of lines) expect(Object.keys(l).sort()).toEqual(["chosen", "prompt", "rejected"]);

  await row.getByRole("button", { name: "Manifest" }).click();
  const manifest = JSON.parse((await page.getByLabel("Manifest").textContent()) ?? "{}");
  expect(manifest).toMatchObject({ format: "trl-dpo-conversational", template: { name: "schema-with-rows", sampleRows: 3 }, filters: { statuses: ["accepted", "edited", "pending"], database: "city_library" } });
  expect(manifest.counts.written).toBe(lines.length);
  expect(manifest.files[0].rows).toBe(lines.length);
  expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+$/);
});

test("a bad export request is refused with the reason, and nothing is listed for it", async ({ page }) => {
  await page.goto("/exports");
  const form = page.getByRole("form", { name: "New export" });
  await form.getByLabel("Format").selectOption("alpaca");
  await form.getByLabel("Export database").selectOption("city_library");
  await form.getByLabel("Validation share of databases").fill("0.2");
  await expect(page.getByRole("table", { name: "Exports" }).or(page.getByText("No exports yet."))).toBeVisible(); // the list has loaded
  const before = await page.getByRole("table", { name: "Exports" }).getByRole("row").count();
  await form.getByRole("button", { name: "Start export" }).click();
  await expect(form.getByRole("alert")).toContainText("needs at least two databases; this selection has");
  await page.reload();
  await expect(page.getByRole("table", { name: "Exports" }).or(page.getByText("No exports yet."))).toBeVisible();
  expect(await page.getByRole("table", { name: "Exports" }).getByRole("row").count()).toBe(before);
});
