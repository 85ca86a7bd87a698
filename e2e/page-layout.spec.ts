import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { authFile, projectRoot } from "./e2e-paths";
import { ensureLongNamedAccount, expectLongNamedRowButtonsInWindow } from "./long-named-account";

// Every page at 1440 px and 390 px, light and dark: nothing is wider than the window and <main>
// does not pan sideways (a wide table scrolls in its own box), the sidebar folds behind a Menu
// button on a phone, the dark theme is dark; an account with the longest name keeps its row's
// buttons within the window. The screenshots this takes are the
// ones docs/screenshots.md shows (they are rewritten on every run).

const shots = path.join(projectRoot, "docs", "screenshots");
const widths = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const themes = ["light", "dark"] as const;

async function firstTaskPath(page: Page) {
  await page.goto("/tasks");
  const href = await page.getByRole("table").getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/tasks\/\w+/);
  return href!;
}

const signedInPages = [
  ["overview", "/"],
  ["databases", "/databases"],
  ["database-schema", "/databases/city_library"],
  ["tasks", "/tasks"],
  ["task", "(first task)"],
  ["console", "/console"],
  ["jobs", "/jobs"],
  ["review", "/review?queue=sft"],
  ["review-browse", "/review/browse"],
  ["exports", "/exports"],
  ["audit", "/audit"],
  ["accounts", "/admin/accounts"],
  ["account", "/account"],
  ["not-found", "/no-such-page"],
] as const;

const shotName = (page: string, width: number, theme: string) => `${page}-${width}-${theme}.jpg`;

// the index of the screenshots, written with them so that it always lists what the run took
test.afterAll(() => {
  const rows = signedInPages.map(
    ([name, where]) =>
      `| ${name} (\`${where}\`) | ${widths.flatMap((w) => themes.map((t) => `[${w.width} ${t}](screenshots/${shotName(name, w.width, t)})`)).join(" | ")} |`,
  );
  const head = `| page | ${widths.flatMap((w) => themes.map((t) => `${w.width} px ${t}`)).join(" | ")} |`;
  const text = [
    "# Screenshots",
    "",
    "Every page as the admin sees it, at 1440 px and 390 px wide, in the light and the dark theme. `e2e/page-layout.spec.ts` takes them on every e2e run (`npm test`), after checking that each page fits its window; do not edit them by hand.",
    "",
    head,
    `|${" --- |".repeat(1 + widths.length * themes.length)}`,
    ...rows,
    "",
  ].join("\n");
  fs.writeFileSync(path.join(projectRoot, "docs", "screenshots.md"), text);
});

/** The page is no wider than the window, and <main> does not scroll sideways either (a wide table scrolls in its own box). */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth, main } = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      main: { scrollWidth: main.scrollWidth, clientWidth: main.clientWidth },
    };
  });
  const where = new URL(page.url()).pathname;
  expect(
    scrollWidth,
    `${where}: the page is ${scrollWidth} px wide in a ${innerWidth} px window`,
  ).toBeLessThanOrEqual(innerWidth);
  expect(
    main.scrollWidth,
    `${where}: <main> holds ${main.scrollWidth} px in ${main.clientWidth} px`,
  ).toBeLessThanOrEqual(main.clientWidth);
}

/** Relative luminance of the body's background: near 1 in the light theme, near 0 in the dark. */
async function backgroundLightness(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas").getContext("2d")!;
    canvas.fillStyle = getComputedStyle(document.body).backgroundColor; // oklch(...) is drawn as sRGB
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data;
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });
}

for (const size of widths) {
  for (const theme of themes) {
    test(`every page at ${size.width} px in the ${theme} theme fits the window`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      await ensureLongNamedAccount(page, baseURL!);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: theme }); // the default theme follows the system
      fs.mkdirSync(shots, { recursive: true });
      const taskPath = await firstTaskPath(page);
      for (const [name, where] of signedInPages) {
        await page.goto(where === "(first task)" ? taskPath : where);
        await expect(page.getByRole("main")).not.toBeEmpty();
        await expect(page.getByRole("main").getByRole("heading").first()).toBeVisible();
        if (theme === "dark") expect(await backgroundLightness(page)).toBeLessThan(0.15);
        else expect(await backgroundLightness(page)).toBeGreaterThan(0.9);
        if (name === "accounts") await expectLongNamedRowButtonsInWindow(page);
        await expectNoSidewaysScroll(page);
        const nav = page.getByRole("navigation", { name: "Main" });
        if (size.width < 768) {
          await expect(nav).toBeHidden();
          await page.getByRole("button", { name: "Menu" }).click();
          await expect(nav).toBeVisible();
          await page.getByRole("button", { name: "Close menu" }).click();
          await expect(nav).toBeHidden();
        } else {
          await expect(nav).toBeVisible();
        }
        await page.screenshot({
          path: path.join(shots, shotName(name, size.width, theme)),
          fullPage: true,
          type: "jpeg",
          quality: 70,
        });
      }
    });
  }
}

test("the theme picker switches to dark and back, and the choice is kept across pages", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const picker = page.getByRole("combobox", { name: "Theme" });
  await picker.selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.goto("/tasks");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await backgroundLightness(page)).toBeLessThan(0.15);
  await page.getByRole("combobox", { name: "Theme" }).selectOption("light");
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.getByRole("combobox", { name: "Theme" }).selectOption("system");
});

// The annotator's pass (no screenshots): the pages of the annotator's role fit the window at both
// widths; the lead's and admin's pages answer our 403 page inside the app, with the annotator's own
// navigation, not a crash or a blank page.
const annotatorPages = [
  "/",
  "/databases",
  "/databases/city_library",
  "/tasks",
  "(first task)",
  "/console",
  "/review?queue=sft",
  "/review/browse",
  "/account",
  "/no-such-page",
] as const;
const notForAnnotators = ["/jobs", "/jobs/prompts", "/exports", "/audit", "/admin/accounts"] as const;

test.describe("as an annotator", () => {
  test.use({ storageState: authFile("annotator") });

  for (const size of widths) {
    test(`the annotator's pages fit the window at ${size.width} px`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      const taskPath = await firstTaskPath(page);
      for (const where of annotatorPages) {
        const response = await page.goto(where === "(first task)" ? taskPath : where);
        expect(response?.status(), where).toBeLessThan(where === "/no-such-page" ? 500 : 400);
        await expect(page.getByRole("main").getByRole("heading").first(), where).toBeVisible();
        await expectNoSidewaysScroll(page);
      }
    });
  }

  test("pages of other roles answer our 403 page with the annotator's navigation", async ({ page }) => {
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const where of notForAnnotators) {
      const response = await page.goto(where);
      expect(response?.status(), where).toBe(403);
      await expect(
        page.getByRole("main").getByRole("heading", { name: "Not for your role" }),
        where,
      ).toBeVisible();
      await expect(nav.getByRole("link", { name: "Review" }), where).toBeVisible();
      await expect(nav.getByRole("link", { name: "Jobs" }), where).toHaveCount(0); // the annotator's own links only
      await expectNoSidewaysScroll(page);
    }
    await nav.getByRole("link", { name: "Review" }).click();
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByRole("main").getByRole("heading").first()).toBeVisible();
    await expect(page.getByRole("main").getByRole("heading", { name: "Not for your role" })).toHaveCount(0);
  });
});
