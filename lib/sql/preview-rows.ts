import "server-only";
import { quoteIdentifier } from "@/lib/sql/quote-identifier";
import { toDisplayValue, type DisplayValue } from "@/lib/sql/display-value";
import type { SqlRunner } from "@/lib/sql/introspect-sqlite";
import type { ExecErrorKind } from "@/lib/sql/exec/exec-types";

export type TablePreview = {
  table: string;
  columns: string[];
  rows: DisplayValue[][];
  truncated: boolean; // more rows or bytes existed than the preview holds
  error: string | null; // the rows could not be read: why, in words
  errorKind?: ExecErrorKind | "budget_spent"; // … and why, by kind (with an error only)
};

export type PreviewOptions = {
  limit?: number; // rows a table
  tableTimeoutMs?: number; // time limit of one table's query
  budgetMs?: number; // time all the tables of one call may take together
  maxBytes?: number; // bytes of one table's rows (a larger first row is not shown)
};

const DEFAULTS = { limit: 5, tableTimeoutMs: 2_000, budgetMs: 5_000, maxBytes: 64 * 1024 };
const MIN_TABLE_MS = 100;

/** The error of a table that was not read because the tables before it used up the call's time. */
export const PREVIEW_BUDGET_SPENT =
  "Not read: the time for this preview was used up by the tables before it.";

/**
 * The first rows of each named table, read in the SQL sandbox (a child process with a time limit):
 * a table whose rows take long to compute (a generated column, say) costs its own time limit and
 * is reported, and never stops this process. Tables are read one after another, so one preview
 * holds one sandbox process at a time; when the budget is spent, the rest are reported unread.
 */
export async function previewRows(
  pool: SqlRunner,
  file: string,
  tables: string[],
  options: PreviewOptions = {},
): Promise<TablePreview[]> {
  const o = { ...DEFAULTS, ...options };
  const deadline = performance.now() + o.budgetMs;
  const previews: TablePreview[] = [];
  for (const table of tables) {
    const left = Math.min(o.tableTimeoutMs, Math.floor(deadline - performance.now()));
    if (left < MIN_TABLE_MS) {
      previews.push({
        table,
        columns: [],
        rows: [],
        truncated: false,
        error: PREVIEW_BUDGET_SPENT,
        errorKind: "budget_spent",
      });
      continue;
    }
    const result = await pool.run(
      file,
      `SELECT * FROM ${quoteIdentifier(table)} LIMIT ${Math.max(0, Math.floor(o.limit))}`,
      {
        timeoutMs: left,
        maxRows: o.limit,
        maxBytes: o.maxBytes,
      },
    );
    if (result.ok) {
      previews.push({
        table,
        columns: result.columns,
        rows: result.rows.map((row) => row.map(toDisplayValue)),
        truncated: result.truncated,
        error: null,
      });
    } else {
      const error =
        result.kind === "timeout"
          ? `Not read: its rows took longer than ${left} ms to compute and the query was stopped.`
          : `Not read: ${result.message}`;
      previews.push({ table, columns: [], rows: [], truncated: false, error, errorKind: result.kind });
    }
  }
  return previews;
}

/** Previews as prompt text: `table(columns):` then one JSON array a row (`empty` for a table without rows); tables not read are left out. */
export function previewsText(previews: TablePreview[], empty = ""): string {
  return previews
    .filter((t) => t.error === null)
    .map(
      (t) =>
        `${t.table}(${t.columns.join(", ")}):\n${t.rows.map((r) => `  ${JSON.stringify(r)}`).join("\n") || empty}`,
    )
    .join("\n");
}
