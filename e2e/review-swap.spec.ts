import { expect, test, type Page } from "@playwright/test";
import { authFile } from "./e2e-paths";

// Swap turns a pair round (the rejected SQL becomes the chosen one): like Reject it asks first, in
// a dialog where Enter swaps and Escape goes back; once swapped, U undoes it as any decision.
test.use({ storageState: authFile("annotator") });

const item = (page: Page) => page.getByRole("article", { name: "Review item" });

test("Swap on a pair asks first: Escape keeps the pair as it was, Enter swaps it, U undoes the swap", async ({
  page,
}) => {
  // pairs of a mutation job (serve-e2e.ts): their rejected side runs, so it can become the chosen one
  await page.goto("/review?queue=pairs&database=choir_rehearsals");
  await expect(item(page)).toBeVisible();
  const id = (await item(page).getAttribute("data-item-id")) ?? "";
  const swaps: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && /\/swap$/.test(new URL(r.url()).pathname)) swaps.push(r.url());
  });

  await page.keyboard.press("s");
  const dialog = page.getByRole("dialog", { name: "Swap" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("rejected SQL becomes the chosen one");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(item(page)).toHaveAttribute("data-item-id", id);
  expect(swaps).toEqual([]);

  await page.keyboard.press("s");
  await expect(dialog).toBeVisible();
  const swapped = page.waitForResponse(
    (r) => r.request().method() === "POST" && /\/swap$/.test(new URL(r.url()).pathname),
  );
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(item(page)).not.toHaveAttribute("data-item-id", id);
  expect((await swapped).ok()).toBe(true);
  expect(swaps).toHaveLength(1);

  await page.keyboard.press("u");
  await expect(page.getByTestId("review-notice")).toContainText("Undid your swap; the item is back.");
  await expect(item(page)).toHaveAttribute("data-item-id", id);
});

test("U pressed before the swap's answer is back waits for it and undoes that swap", async ({ page }) => {
  await page.goto("/review?queue=pairs&database=choir_rehearsals");
  await expect(item(page)).toBeVisible();
  const id = (await item(page).getAttribute("data-item-id")) ?? "";
  // the server's answer to the swap is held back until U has been pressed
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const swapSent = new Promise<void>(
    (resolve) =>
      void page.route(/\/api\/review\/pairs\/[^/]+\/swap$/, async (route) => {
        resolve();
        await held;
        await route.continue();
      }),
  );
  await page.keyboard.press("s");
  await expect(page.getByRole("dialog", { name: "Swap" })).toBeVisible();
  await page.keyboard.press("Enter");
  await swapSent;
  await expect(item(page)).not.toHaveAttribute("data-item-id", id);
  const undoSent = page.waitForRequest(
    (r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/review/undo",
  );
  await page.keyboard.press("u");
  release();
  await undoSent;
  await expect(page.getByTestId("review-notice")).toContainText("Undid your swap; the item is back.");
  await expect(item(page)).toHaveAttribute("data-item-id", id);
});
