import fs from "node:fs";
import Database from "better-sqlite3";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eStoreEnv, seededFile } from "./e2e-paths";
import { signInAs } from "./sign-in";

// The review workspace on queues that real jobs made (serve-e2e.ts runs a strong and a weak job
// against the stand-in model server through the CLI). The e2e server's claims last 4 s.
type Seeded = { strongJobId: string; weakJobId: string; lighthouse: string; chess: string };
const seeded = () => JSON.parse(fs.readFileSync(seededFile, "utf8")) as Seeded;

const item = (page: Page) => page.getByRole("article", { name: "Review item" });
const currentId = async (page: Page) => (await item(page).getAttribute("data-item-id")) ?? "";

/** Each reviewer is their own annotator account, signed in through the sign-in page. */
async function openAs(page: Page, name: string, url: string) {
  await signInAs(page, name, url);
  await expect(item(page)).toBeVisible();
}

/** Waits until the item on screen is another one than `id`, and returns the new id. */
async function nextAfter(page: Page, id: string) {
  await expect(item(page)).not.toHaveAttribute("data-item-id", id);
  return currentId(page);
}

test("a reviewer works through a queue with keys only: accept, reject with a reason, edit + run + save, undo", async ({
  page,
}) => {
  await openAs(page, "Ana Keys", `/review?queue=sft&database=${seeded().lighthouse}`);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText(
    "Undo your last action",
  );
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Accept/ })).toContainText("A");

  // the SQL comes highlighted by the SQLite grammar (on the server): its keywords are marked
  const sql = item(page).getByLabel("Sample SQL");
  await expect(sql.locator("span.font-semibold", { hasText: /^SELECT$/ }).first()).toBeVisible();

  const first = await currentId(page);
  await page.keyboard.press("a");
  const second = await nextAfter(page, first);

  await page.keyboard.press("r");
  await expect(page.getByRole("dialog", { name: "Reject" })).toBeVisible();
  await page.keyboard.press("3");
  await expect(page.getByRole("radio", { name: /Trivial/ })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Enter");
  const third = await nextAfter(page, second);

  // an edit that writes is refused with the engine's words and cannot be saved
  await page.keyboard.press("e");
  const editor = page.getByLabel("SQL being edited");
  await expect(editor).toBeFocused();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("DELETE FROM sites");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("region", { name: "Edit" }).getByRole("alert")).toContainText(
    "Refused: Only queries that read can run",
  );
  await expect(page.getByRole("button", { name: /^Save/ })).toBeDisabled();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("SELECT count(*) FROM sit");
  await expect(page.getByLabel("Completions")).toContainText("sites");
  await page.keyboard.press("Tab"); // schema completion
  await expect(editor).toHaveText("SELECT count(*) FROM sites");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("region", { name: "Edit" }).getByRole("status")).toContainText("Ran: 1 row");
  await page.keyboard.press("Control+s");
  const fourth = await nextAfter(page, third);
  expect(new Set([first, second, third, fourth]).size).toBe(4);

  // previous shows the item just decided; undo brings it back to be decided again
  await page.keyboard.press("p");
  await expect(page.getByTestId("looking-back")).toContainText("edited");
  await expect(item(page)).toHaveAttribute("data-item-id", third);
  await page.keyboard.press("u");
  await expect(page.getByTestId("review-notice")).toContainText("Undid your edit; the item is back.");
  await expect(item(page)).toHaveAttribute("data-item-id", third);
  // the notice is about that item: looking at another one does not keep it standing
  await page.keyboard.press("p");
  await expect(item(page)).not.toHaveAttribute("data-item-id", third);
  await expect(page.getByTestId("review-notice")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(item(page)).toHaveAttribute("data-item-id", third);
  await page.keyboard.press("a");
  await nextAfter(page, third);

  // the detail page tells each item's history from the audit rows
  await page.goto(`/review/sft/${third}`);
  const history = page.getByRole("list", { name: "History" }).getByRole("listitem");
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText("edit by Ana Keys");
  await expect(history.nth(0)).toContainText("undone");
  await expect(history.nth(0)).toContainText("SELECT count(*) FROM sites");
  await expect(history.nth(1)).toContainText("undo by Ana Keys");
  await expect(history.nth(2)).toContainText("accept by Ana Keys");
  await expect(page.getByLabel("Decision")).toContainText("accepted");
  await page.goto(`/review/sft/${second}`);
  await expect(page.getByLabel("Decision")).toContainText("reason: trivial");
});

async function reviewer(browser: Browser, name: string, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openAs(page, name, url);
  return { context, page };
}

test("two reviewers at the same time never get the same item", async ({ browser }) => {
  const url = `/review?queue=pairs&job=${seeded().weakJobId}&difficulty=medium`;
  const bo = await reviewer(browser, "Bo Two", url);
  const cy = await reviewer(browser, "Cy Two", url);
  const seen = { bo: [] as string[], cy: [] as string[] };
  for (let round = 0; round < 3; round++) {
    // both decide at the same moment
    const ids = await Promise.all([currentId(bo.page), currentId(cy.page)]);
    seen.bo.push(ids[0]);
    seen.cy.push(ids[1]);
    await Promise.all([bo.page.keyboard.press("a"), cy.page.keyboard.press("a")]);
    await Promise.all([nextAfter(bo.page, ids[0]), nextAfter(cy.page, ids[1])]);
  }
  expect(seen.bo.filter((id) => seen.cy.includes(id))).toEqual([]);
  expect(new Set([...seen.bo, ...seen.cy]).size).toBe(6);
  await bo.context.close();
  await cy.context.close();
});

/** When the claim on an SFT sample runs out, as the store has it (0: not claimed). */
function leaseExpiry(id: string): number {
  const store = new Database(e2eStoreEnv.SENSE_DB_FILE, { readonly: true, fileMustExist: true });
  try {
    const row = store.prepare("SELECT lease_expires_at AS at FROM sft_samples WHERE id = ?").get(id) as
      { at: string | null } | undefined;
    return row?.at ? Date.parse(row.at) : 0;
  } finally {
    store.close();
  }
}

test("a claim that expires returns the item to the queue, and the reviewer who lost it is told and changes nothing", async ({
  browser,
}) => {
  const url = `/review?queue=sft&database=${seeded().chess}`;
  const idle = await reviewer(browser, "Di Idle", url);
  const held = await currentId(idle.page);
  const other = await reviewer(browser, "Ed Next", url);
  expect(await currentId(other.page)).not.toBe(held); // still claimed by Di
  await other.context.close();
  // Di does nothing: no heartbeat renews the 4 s claim, which runs out (read from the store itself)
  await expect.poll(() => Date.now() > leaseExpiry(held), { timeout: 15_000, intervals: [250] }).toBe(true);
  const later = await reviewer(browser, "Fay Later", url);
  const ids = [await currentId(later.page)];
  for (let i = 0; i < 3 && !ids.includes(held); i++) {
    await later.page.keyboard.press("n");
    ids.push(await nextAfter(later.page, ids.at(-1)!));
  }
  expect(ids).toContain(held);
  // Di comes back and accepts the item on screen: refused, nothing changed, Di is told
  await idle.page.keyboard.press("a");
  await expect(idle.page.getByTestId("review-notice")).toContainText(
    "expired or was taken by another reviewer; nothing was changed",
  );
  await idle.page.goto(`/review/sft/${held}`);
  await expect(idle.page.getByLabel("Decision")).toContainText("pending");
  await expect(idle.page.getByRole("list", { name: "History" })).toHaveCount(0);
  await idle.context.close();
  await later.context.close();
});

test("a pair shows both sides executed and what differs", async ({ page }) => {
  await openAs(page, "Pia Pairs", `/review?queue=pairs&job=${seeded().weakJobId}&difficulty=easy`);
  await expect(page.getByRole("table", { name: "Chosen result" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Rejected result" }).or(page.getByLabel("Rejected error")),
  ).toBeVisible();
  await expect(page.getByLabel("Difference")).toContainText(/only in chosen|Error vs rows|same rows/);
  await expect(item(page)).toContainText("sense-demo-weak");
  await page.keyboard.press("d");
  await expect(page.getByRole("region", { name: "Schema" })).toContainText("Schema of city_library");
  await expect(page.getByRole("region", { name: "Schema" }).locator("[data-used]").first()).toBeVisible();
});
