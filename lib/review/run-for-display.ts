import "server-only";
import type { SideResult } from "@/lib/review/result-diff";
import { displayResult } from "@/lib/sql/display-result";
import { runOnDatabase } from "@/lib/sql/run-on-database";

/** Runs an item's SQL on its database through the sandbox, for the reviewer to see: rows or the error in words. */
export async function runForDisplay(
  filePath: string | null,
  sql: string,
  maxRows: number,
): Promise<SideResult> {
  if (!filePath) return { ok: false, message: "the database file is missing" };
  const r = await runOnDatabase(filePath, sql, { maxRows });
  if (!r.ok) return { ok: false, message: r.kind === "timeout" ? `timed out: ${r.message}` : r.message };
  return { ok: true, ...displayResult(r) };
}
