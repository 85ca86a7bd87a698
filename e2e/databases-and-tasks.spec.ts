import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { spiderDir } from "./e2e-paths";

const hasSpider = fs.existsSync(path.join(spiderDir, "dev.json"));

test.describe("imported Spider dev set", () => {
  test.skip(!hasSpider, `needs the Spider dev set at ${spiderDir}, which is absent`);

  test("Databases lists the import and concert_singer shows its 4 tables with columns and keys", async ({
    page,
  }) => {
    await page.goto("/databases");
    const table = page.getByRole("table", { name: "Databases" });
    // other journeys may add their own databases; the Spider dev import brings exactly 20
    await expect(
      table.getByRole("row").filter({ has: page.getByRole("cell", { name: "spider", exact: true }) }),
    ).toHaveCount(20);
    const wta = table.getByRole("row").filter({ hasText: "wta_1" });
    await expect(wta).toContainText("missing");

    await table.getByRole("link", { name: "concert_singer", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "concert_singer" })).toBeVisible();
    for (const name of ["concert", "singer", "singer_in_concert", "stadium"]) {
      await expect(page.getByRole("region", { name: `Table ${name}`, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("region", { name: /^Table / })).toHaveCount(4);

    const stadium = page.getByRole("table", { name: "Columns of stadium" });
    await expect(stadium.getByRole("row").filter({ hasText: "Stadium_ID" })).toContainText("PK");
    await expect(stadium.getByRole("row").filter({ hasText: "Capacity" })).toContainText("INT");

    const link = page.getByRole("table", { name: "Columns of singer_in_concert" });
    await expect(link.getByRole("row").filter({ hasText: "concert_ID" })).toContainText(
      "FK → concert.concert_ID",
    );
    await expect(link.getByRole("row").filter({ hasText: "Singer_ID" })).toContainText(
      "FK → singer.Singer_ID",
    );

    // first rows of each table are shown
    await expect(page.getByRole("table", { name: "First rows of stadium" }).getByRole("row")).not.toHaveCount(
      0,
    );
  });

  test("Tasks filters by database on the server and opens a task with its gold SQL", async ({ page }) => {
    await page.goto("/tasks");
    await page.getByRole("combobox", { name: "Origin" }).selectOption("spider");
    await expect(page.getByTestId("task-count")).toHaveText(/^1034 tasks/);
    await expect(page.getByRole("table", { name: "Tasks" }).getByRole("row")).toHaveCount(51); // page of 50

    await page.getByRole("combobox", { name: "Database" }).selectOption("concert_singer");
    await expect(page).toHaveURL(/database=concert_singer/);
    await expect(page.getByTestId("task-count")).toHaveText(/^45 tasks/);
    const rows = page.getByRole("table", { name: "Tasks" }).getByRole("row");
    await expect(rows).toHaveCount(46);
    for (const cell of await rows.locator("td:nth-child(2)").allTextContents())
      expect(cell).toBe("concert_singer");

    await page.getByRole("combobox", { name: "Hardness" }).selectOption("extra");
    await expect(page).toHaveURL(/hardness=extra/);
    await expect(page.getByTestId("task-count")).toHaveText(/^4 tasks/);
    await page.getByRole("combobox", { name: "Hardness" }).selectOption("");
    await expect(page.getByTestId("task-count")).toHaveText(/^45 tasks/);

    await page.getByRole("link", { name: "How many singers do we have?" }).first().click();
    await expect(page.getByTestId("task-question")).toHaveText("How many singers do we have?");
    await expect(page.getByLabel("Gold SQL")).toContainText("SELECT count(*) FROM singer");
    await expect(page.getByRole("link", { name: "concert_singer" })).toBeVisible();
  });

  test("paging moves through the filtered set", async ({ page }) => {
    await page.goto("/tasks?database=car_1");
    await expect(page.getByTestId("task-count")).toHaveText(/^92 tasks/);
    const rows = page.getByRole("table", { name: "Tasks" }).getByRole("row");
    await expect(rows).toHaveCount(51);
    await expect(page.getByRole("button", { name: "← Previous" })).toBeDisabled();
    const firstQuestion = await rows.nth(1).textContent();
    await page.getByRole("button", { name: "Next →" }).click();
    await expect(page).toHaveURL(/after=/);
    await expect(rows).toHaveCount(43);
    await expect(page.getByRole("button", { name: "Next →" })).toBeDisabled();
    await page.getByRole("button", { name: "← Previous" }).click();
    await expect(rows).toHaveCount(51);
    await expect(rows.nth(1)).toHaveText(firstQuestion!);
    await expect(page.getByRole("button", { name: "← Previous" })).toBeDisabled();
  });
});
