// A query's result as the dashboard stores and shows it: rows in display form, with count and time.
import { toDisplayValue, type DisplayValue } from "@/lib/sql/display-value";
import type { ExecSuccess } from "@/lib/sql/exec/exec-types";

export type DisplayResult = {
  columns: string[];
  rows: DisplayValue[][];
  rowCount: number;
  truncated: boolean;
  elapsedMs: number;
};

/** The result for display, keeping at most `keepRows` rows (the counts stay those of the query). */
export function displayResult(r: ExecSuccess, keepRows = Infinity): DisplayResult {
  return {
    columns: r.columns,
    rows: r.rows.slice(0, keepRows).map((row) => row.map(toDisplayValue)),
    rowCount: r.rowCount,
    truncated: r.truncated,
    elapsedMs: r.elapsedMs,
  };
}
