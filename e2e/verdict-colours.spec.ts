import { expect, test } from "@playwright/test";

// Every verdict is drawn through one map (lib/review/verdict-tones.ts): a wrong answer in red, a
// correct one in green, errors in amber, wherever it appears (overview panels, a task's candidates,
// a pair's rejected side).

test("a wrong_result is drawn red and a correct answer green on the overview, a task's candidates and a pair", async ({
  page,
}) => {
  await page.goto("/");
  const mutations = page.getByRole("region", { name: "Mutations: verdicts" });
  await expect(mutations.locator('[data-verdict="wrong_result"]').first()).toHaveAttribute(
    "data-tone",
    "red",
  );
  const weak = page.getByRole("region", { name: "Weak-model answers: verdicts" });
  for (const swatch of await weak.locator("[data-verdict]").all()) {
    const verdict = await swatch.getAttribute("data-verdict");
    const tone = verdict === "correct" ? "green" : verdict?.startsWith("wrong") ? "red" : "amber";
    await expect(swatch).toHaveAttribute("data-tone", tone);
  }

  // a task of the mutation job's (serve-e2e.ts): its candidates are wrong results
  const tasks = (await (await page.request.get("/api/tasks?database=choir_rehearsals")).json()) as {
    items: { id: string }[];
  };
  await page.goto(`/tasks/${tasks.items[0]!.id}`);
  const verdicts = page.getByRole("table", { name: "Candidates" }).locator("[data-verdict]");
  await expect(verdicts.first()).toHaveAttribute("data-verdict", "wrong_result");
  await expect(verdicts.first()).toHaveAttribute("data-tone", "red");

  await page.goto("/review/browse?queue=pairs&database=choir_rehearsals");
  await expect(
    page.getByRole("list", { name: "Preference pairs" }).locator('[data-verdict="wrong_result"]').first(),
  ).toHaveAttribute("data-tone", "red");
});
