import { expect, test, type Page } from "@playwright/test";
import { authFile } from "./e2e-paths";

test.use({ storageState: authFile("lead") });

// Strong and weak jobs against the app's embedded local model server (the stand-in for a real
// model), from the Jobs page to the review queues.

const jobRow = (page: Page, provider: string) =>
  page.getByRole("table", { name: "Jobs" }).getByRole("row").filter({ hasText: provider }).first();
const handled = async (page: Page, provider: string) =>
  Number((await jobRow(page, provider).getByTestId("job-progress").textContent())?.split("/")[0]);

test("a lead starts a strong and a weak job, watches them move, pauses and resumes, and finds the outputs in the review queues", async ({
  page,
}) => {
  await page.goto("/jobs");
  const providers = page.getByRole("table", { name: "Providers" });
  await expect(providers.getByRole("row").filter({ hasText: "demo-strong" })).toContainText("local stand-in");

  const strong = page.getByRole("form", { name: "Start a strong job" });
  await strong.getByLabel("Domains", { exact: true }).fill("ferry timetables");
  await strong.getByLabel("Questions per database").fill("6");
  await strong.getByRole("button", { name: "Start strong job" }).click();
  await expect(strong.getByRole("status")).toHaveText("Strong job started.");

  const weak = page.getByRole("form", { name: "Start a weak job" });
  await weak.getByLabel("Weak job database").selectOption("city_library");
  await weak.getByLabel("Samples per task").fill("4");
  await weak.getByLabel("Pairs per task").fill("2");
  await weak.getByRole("button", { name: "Start weak job" }).click();
  await expect(weak.getByRole("status")).toHaveText("Weak job started.");

  // the weak job (36 demo tasks) moves; pause holds it, resume finishes it
  const weakRow = jobRow(page, "demo-weak");
  await expect(weakRow.getByTestId("job-progress")).toHaveText(/^([1-9]|[12]\d|3[0-5])\/36$/, {
    timeout: 15_000,
  });
  await weakRow.getByRole("button", { name: "Pause" }).click();
  // the items already with the model finish ("pausing"); then nothing moves until resumed
  await expect(weakRow.getByTestId("job-status")).toHaveText(/^paus(ing|ed)$/);
  await expect(weakRow.getByTestId("job-status")).toHaveText("paused", { timeout: 30_000 });
  const held = await handled(page, "demo-weak");
  for (let refresh = 0; refresh < 2; refresh++) {
    await page.waitForResponse((r) => new URL(r.url()).pathname === "/api/jobs" && r.ok());
    expect(await handled(page, "demo-weak")).toBe(held);
  }
  expect(held).toBeLessThan(36);
  await weakRow.getByRole("button", { name: "Resume" }).click();
  await expect(weakRow.getByTestId("job-progress")).toHaveText("36/36", { timeout: 30_000 });
  await expect(weakRow).toContainText("done");
  await expect(weakRow.getByTestId("job-tokens")).toContainText("144 calls"); // 36 tasks x 4 samples

  const strongRow = jobRow(page, "demo-strong");
  await expect(strongRow).toContainText("done", { timeout: 20_000 });
  await expect(strongRow.getByTestId("job-samples")).toHaveText(/^[1-6] samples/);

  // the strong samples wait in the SFT queue with what their SQL returned
  await strongRow.getByTestId("job-samples").click();
  await expect(page.getByRole("heading", { level: 1, name: "Browse the queues" })).toBeVisible();
  await expect(page.getByTestId("queue-total")).toHaveText(/^[1-6] pending samples$/);
  const sample = page.getByRole("list", { name: "SFT samples" }).getByRole("listitem").first();
  await expect(sample).toContainText("ferry_timetables_");
  await expect(sample.getByRole("table", { name: "Sample result" })).toBeVisible();

  // the pairs wait in the pair queue with both sides executed
  await page.goto("/jobs");
  await jobRow(page, "demo-weak").getByTestId("job-pairs").click();
  await expect(page.getByTestId("queue-total")).toHaveText(/^[1-9]\d* pending pairs$/);
  const pair = page.getByRole("list", { name: "Preference pairs" }).getByRole("listitem").first();
  await expect(pair.getByRole("table", { name: "Chosen result" })).toBeVisible();
  await expect(pair.getByRole("heading", { name: /^Rejected (wrong result|error)$/ })).toBeVisible();
  await expect(pair.getByLabel("Rejected SQL")).toBeVisible();
});

test.describe("providers (an admin's)", () => {
  test.use({ storageState: authFile("admin") });

  test("a provider added in the dashboard keeps its API key on the server", async ({ page }) => {
    await page.goto("/jobs");
    await page.getByRole("button", { name: "Add provider" }).click();
    const form = page.getByRole("form", { name: "Add a provider" });
    await form.getByLabel("Provider name").fill("openai-4o");
    await form.getByLabel("Provider base url").fill("not a url");
    await form.getByLabel("Provider model").fill("gpt-4o");
    await form.getByLabel("Provider api key").fill("sk-e2e-secret");
    await form.getByRole("button", { name: "Add provider" }).click();
    await expect(form.getByRole("alert")).toHaveText(
      "The base URL must be a URL such as http://127.0.0.1:8787/v1.",
    );
    await form.getByLabel("Provider base url").fill("https://api.openai.com/v1");
    await form.getByRole("button", { name: "Add provider" }).click();
    // the server tests the connection of a provider it adds, and says what it found (no network here, or a refused key)
    await expect(
      page.getByText(
        /^Added\. Connection test of openai-4o: (Not reachable|Reachable, but the API key was refused|No answer)/,
      ),
    ).toBeVisible({ timeout: 15_000 });
    const row = page
      .getByRole("table", { name: "Providers" })
      .getByRole("row")
      .filter({ hasText: "openai-4o" });
    await expect(row).toContainText("gpt-4o");
    await expect(row).toContainText("set");
    await page.reload(); // the page as the server renders it with the provider stored
    await expect(
      page.getByRole("table", { name: "Providers" }).getByRole("row").filter({ hasText: "openai-4o" }),
    ).toContainText("set");
    expect(await page.content()).not.toContain("sk-e2e-secret");
    const api = await page.request.get("/api/providers");
    expect(await api.text()).not.toContain("sk-e2e-secret");
    // a connection test on demand: the local stand-in lists its models
    await page
      .getByRole("table", { name: "Providers" })
      .getByRole("row")
      .filter({ hasText: "demo-weak" })
      .getByRole("button", { name: "Test" })
      .click();
    await expect(page.getByTestId("provider-connection")).toHaveText(
      'demo-weak: Reachable: the model "sense-demo-weak" is listed (2 models).',
    );
  });
});
