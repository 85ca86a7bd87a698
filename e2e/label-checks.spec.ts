import { expect, test } from "@playwright/test";

// The label checks' findings reach the reviewer: a pair of the mutation job (serve-e2e.ts) shows,
// on its rejected side, how that answer is wrong (its error class), from the result difference the
// sandbox saw when it judged it.

test("a pair's rejected side shows its error class on the item page", async ({ page }) => {
  await page.goto("/review/browse?queue=pairs&database=choir_rehearsals");
  const first = page.getByRole("list", { name: "Preference pairs" }).locator("[data-pair-id]").first();
  const id = await first.getAttribute("data-pair-id");
  expect(id).toBeTruthy();
  await page.goto(`/review/pairs/${id}`);
  const checks = page.getByRole("list", { name: "Label checks of the rejected side" });
  await expect(checks).toContainText(
    /Error class: (wrong column count|same rows in another order|a subset of the gold rows|a superset of the gold rows|wrong row count|values differ)/,
  );
});

test("a task's candidates show what the label checks found on each", async ({ page }) => {
  const tasks = (await (await page.request.get("/api/tasks?database=choir_rehearsals")).json()) as {
    items: { id: string }[];
  };
  await page.goto(`/tasks/${tasks.items[0]!.id}`);
  const candidates = page.getByRole("table", { name: "Candidates" });
  await expect(
    candidates.getByRole("list", { name: "Label checks of this candidate" }).first(),
  ).toContainText("Error class:");
});
