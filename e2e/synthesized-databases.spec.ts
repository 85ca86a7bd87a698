import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { authFile, seededFile } from "./e2e-paths";

// A strong job's databases (serve-e2e.ts runs one: lighthouse preservation, chess league) hold
// samples and no tasks: the review and export filters offer them, marked; their page names the job
// that made them; and the SQL console does not open on one of them by default.

type Seeded = { strongJobId: string; lighthouse: string; chess: string };
const seeded = () => JSON.parse(fs.readFileSync(seededFile, "utf8")) as Seeded;

test.describe("as an annotator", () => {
  test.use({ storageState: authFile("annotator") });

  test("the review page's Database filter offers a strong job's databases, marked as synthesized", async ({
    page,
  }) => {
    const { lighthouse } = seeded();
    await page.goto("/review?queue=sft");
    const menu = page.getByRole("combobox", { name: "Filter database" });
    await expect(menu.locator("option", { hasText: `${lighthouse} (synthesized)` })).toHaveCount(1);
    await expect(menu.locator("option", { hasText: /^city_library$/ })).toHaveCount(1);
    await menu.selectOption(lighthouse);
    await expect(page).toHaveURL(new RegExp(`database=${lighthouse}`));
  });
});

test.describe("as a researcher", () => {
  test.use({ storageState: authFile("researcher") });

  test("the export form's Database filter offers them too; the console opens on an imported database", async ({
    page,
  }) => {
    const { lighthouse, chess } = seeded();
    await page.goto("/exports");
    await expect(
      page
        .getByRole("combobox", { name: "Export database" })
        .locator("option", { hasText: `${lighthouse} (synthesized)` }),
    ).toHaveCount(1);
    await page.goto("/console");
    const database = page.getByRole("combobox", { name: "Database" });
    await expect(database).not.toHaveValue("");
    for (const name of [lighthouse, chess]) await expect(database).not.toHaveValue(name);
  });
});

test("a synthesized database's page names the job that made it, with a link to the job's page", async ({
  page,
}) => {
  const { lighthouse, strongJobId } = seeded();
  await page.goto(`/databases/${lighthouse}`);
  const made = page.getByTestId("database-job");
  await expect(made).toContainText(/made by strong job \w{8} \(done\)/);
  await made.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${strongJobId}$`));
});
