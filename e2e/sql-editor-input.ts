import type { Locator, Page } from "@playwright/test";

/**
 * Replaces the text of a SQL editor (CodeMirror's contenteditable, where fill() is not how people
 * type): focus it, select all, and insert the text as one input, which CodeMirror reads like typing
 * that bypasses its bracket closing.
 */
export async function replaceSql(page: Page, editor: Locator, sql: string): Promise<void> {
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  if (sql) await page.keyboard.insertText(sql);
  else await page.keyboard.press("Delete");
}
