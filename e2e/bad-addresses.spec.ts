import { expect, test, type Page } from "@playwright/test";
import { authFile } from "./e2e-paths";

// Addresses a person may type or keep from an old link: a bad parameter gets the page with a
// message naming it and what it may be, an unknown address our 404 inside the app with navigation.

const sidebar = (page: Page) => page.getByRole("navigation", { name: "Main" });

async function expectMessage(page: Page, url: string, ...parts: RegExp[]) {
  const response = await page.goto(url);
  expect(response?.status(), `${url} answers without a server error`).toBeLessThan(500);
  const message = page.getByRole("main").getByRole("alert");
  for (const part of parts) await expect(message).toContainText(part);
  await expect(sidebar(page)).toBeVisible();
}

test.describe("as an annotator", () => {
  test.use({ storageState: authFile("annotator") });

  test("bad review parameters name the parameter and its allowed values", async ({ page }) => {
    await expectMessage(page, "/review?queue=bogus", /queue/, /sft/, /pairs/);
    await expect(
      page
        .getByRole("main")
        .getByRole("link", { name: /review/i })
        .first(),
    ).toBeVisible();
    await expectMessage(page, "/review/browse?queue=zzz&status=qq", /queue/, /status/, /pending/, /accepted/);
    await expectMessage(page, "/review/browse?pageSize=5000", /“pageSize” parameter/, /at most 100/);
  });

  test("a filter with an unknown value is left out, named with the values it may take, and the page shows without it", async ({
    page,
  }) => {
    const leftOut = page.getByRole("main").getByRole("alert", { name: "Filters left out" });
    await page.goto("/tasks");
    const all = (await page.getByTestId("task-count").textContent()) ?? "";
    expect(all).toMatch(/^\d+ tasks/);
    await page.goto("/tasks?hardness=bogus");
    await expect(leftOut).toContainText(
      "The “hardness” parameter must be one of: easy, medium, hard, extra (not “bogus”).",
    );
    await expect(page.getByTestId("task-count")).toHaveText(all); // the list as without the filter
    // a database filter naming no database in the store: left out and named, here and in the queues
    await page.goto("/tasks?database=no_such_db");
    await expect(leftOut).toContainText(
      "The “database” parameter names no database in the store (not “no_such_db”).",
    );
    await expect(page.getByTestId("task-count")).toHaveText(all);
    // a search that matches nothing says so in the table, not only with its headers
    await page.goto("/tasks?q=qqqzzznomatch");
    await expect(page.getByRole("table", { name: "Tasks" })).toContainText(
      "No task whose question contains “qqqzzznomatch”",
    );
    await page.goto("/console?database=no_such_db");
    await expect(leftOut).toContainText("names no database in the store (not “no_such_db”)");
    await expect(page.getByRole("main").getByRole("button", { name: "Run" })).toBeVisible(); // the console is there
    await page.goto("/review/browse?queue=sft&database=no_such_db");
    await expect(leftOut).toContainText("names no database in the store (not “no_such_db”)");
    await expect(page.getByTestId("queue-total")).not.toHaveText(/^0 /);
    await page.goto("/review?difficulty=impossible");
    await expect(leftOut).toContainText(
      /The “difficulty” parameter must be one of: easy, medium, hard, extra, .*\(not “impossible”\)/,
    );
    await expect(page.getByRole("navigation", { name: "Queues" })).toBeVisible(); // the workspace is there
    await page.goto("/review/browse?queue=pairs&origin=strong");
    await expect(leftOut).toContainText(
      "The “origin” parameter must be one of: weak, mutation, imported in the pairs queue (not “strong”).",
    );
    await expect(page.getByTestId("queue-total")).toHaveText(/pending pairs/);
  });

  test("a page past the end of the tasks says so and how many pages there are", async ({ page }) => {
    await expectMessage(page, "/tasks?page=99999", /page 99999/i, /past the end/, /\d+ pages?/);
    await expectMessage(page, "/tasks?page=abc", /“page” parameter/, /must be a number/);
    await page.getByRole("main").getByRole("link", { name: "the first page" }).click();
    await expect(page.getByTestId("task-count")).toHaveText(/\d+ tasks/);
    // a page number in range jumps there: its first task follows the previous page's last
    await page.goto("/tasks?pageSize=5");
    const firstPage = page.getByRole("table", { name: "Tasks" }).getByRole("link");
    await expect(firstPage).toHaveCount(5);
    const first = (await firstPage.first().textContent()) ?? "";
    const fifth = await firstPage.nth(4).textContent();
    await page.getByRole("button", { name: "Next →" }).click();
    await expect(page).toHaveURL(/after=/);
    await expect(firstPage.first()).not.toHaveText(first); // the next page has arrived
    const secondFirst = await firstPage.first().textContent();
    await page.goto("/tasks?pageSize=5&page=2");
    await expect(page).toHaveURL(/after=/);
    await expect(page.getByRole("table", { name: "Tasks" }).getByRole("link").first()).toHaveText(
      secondFirst ?? "",
    );
    expect(secondFirst).not.toBe(fifth);
  });

  test("a database page with a bad page parameter, and an unknown database or address, get words and navigation", async ({
    page,
  }) => {
    await expectMessage(page, "/databases/city_library?page=0", /page/i, /at least 1/);
    await expectMessage(page, "/databases/no_such_db", /not found/i);
    await expectMessage(page, "/no/such/page", /not found/i);
    await expectMessage(page, "/review/zzz/abc", /not found/i);
    await expect(page.getByRole("main").getByRole("link", { name: /overview/i })).toBeVisible();
  });
});

test.describe("as an admin", () => {
  test("an unknown address, job or database answers 404 with our page inside the app, whose navigation works", async ({
    page,
  }) => {
    for (const url of [
      "/nope",
      "/jobs/not-an-id",
      "/databases/999999",
      "/tasks/not-an-id",
      "/review/pairs/not-an-id",
      "/review/zzz/abc",
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(
        page.getByRole("main").getByRole("heading", { name: "Page not found" }),
        url,
      ).toBeVisible();
      await expect(page, url).toHaveTitle("Page not found · Sense Studio");
      await expect(sidebar(page).getByRole("link", { name: "Accounts" }), url).toBeVisible(); // the admin's whole sidebar
    }
    await sidebar(page).getByRole("link", { name: "Jobs" }).click();
    await expect(page).toHaveURL(/\/jobs$/);
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Jobs");
    await page.goto("/jobs/not-an-id");
    await page
      .getByRole("main")
      .getByRole("navigation", { name: "Ways on" })
      .getByRole("link", { name: "Tasks" })
      .click();
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByTestId("task-count")).toHaveText(/\d+ tasks/);
  });

  test("an unknown audit filter is left out and named; the log is shown without it", async ({ page }) => {
    await page.goto("/audit?action=nope");
    await expect(page.getByRole("main").getByRole("alert", { name: "Filters left out" })).toContainText(
      /The “action” parameter must be one of .*export\.start/,
    );
    await expect(page.getByRole("table", { name: "Audit log" })).toBeVisible();
  });

  test("a bad body gets one sentence per field with the limit, never the long input echoed back", async ({
    page,
  }) => {
    await page.goto("/jobs");
    const longName = "n".repeat(300);
    const answer = await page.evaluate(async (name) => {
      const response = await fetch("/api/providers", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, baseUrl: "nope", model: "" }),
      });
      return { status: response.status, body: (await response.json()) as { message: string } };
    }, longName);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain("The name can be at most 64 characters (this one has 300).");
    expect(answer.body.message).toContain("The base URL");
    expect(answer.body.message).toContain("The model is required.");
    expect(answer.body.message).not.toContain(longName.slice(0, 80));
    expect(answer.body.message).not.toMatch(/Too big|Too small|expected string/);

    const form = page.getByRole("form", { name: "Add a provider" });
    await page
      .getByRole("region", { name: "Model providers" })
      .getByRole("button", { name: "Add provider" })
      .click();
    await expect(form.getByLabel("Provider name")).toHaveAttribute("maxlength", "64");
    await expect(form.getByLabel("Provider model")).toHaveAttribute("maxlength", "200");
  });
});
