// What differs between the chosen and the rejected side of a pair, for the reviewer: an error
// against rows, or the rows one side has that the other has not (as multisets, in display form).
import type { DisplayValue } from "@/lib/sql/display-value";

export type SideResult =
  | {
      ok: true;
      columns: string[];
      rows: DisplayValue[][];
      rowCount: number;
      truncated: boolean;
      elapsedMs: number;
    }
  | { ok: false; message: string };

export type ResultDifference =
  | { kind: "both_failed" }
  | { kind: "chosen_failed" }
  | { kind: "rejected_failed"; message: string }
  | { kind: "same_rows" }
  | {
      kind: "rows_differ";
      columnsDiffer: boolean;
      missing: DisplayValue[][];
      extra: DisplayValue[][];
      missingCount: number;
      extraCount: number;
      partial: boolean;
    };

const SHOWN = 10;

/** Rows of `a` not matched by a row of `b`, counting duplicates. */
function without(a: DisplayValue[][], b: DisplayValue[][]): DisplayValue[][] {
  const left = new Map<string, number>();
  for (const row of b) left.set(JSON.stringify(row), (left.get(JSON.stringify(row)) ?? 0) + 1);
  return a.filter((row) => {
    const key = JSON.stringify(row);
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      return false;
    }
    return true;
  });
}

export function diffResults(chosen: SideResult, rejected: SideResult): ResultDifference {
  if (!chosen.ok && !rejected.ok) return { kind: "both_failed" };
  if (!chosen.ok) return { kind: "chosen_failed" };
  if (!rejected.ok) return { kind: "rejected_failed", message: rejected.message };
  const missing = without(chosen.rows, rejected.rows);
  const extra = without(rejected.rows, chosen.rows);
  const columnsDiffer = chosen.columns.length !== rejected.columns.length;
  if (!missing.length && !extra.length && !columnsDiffer) return { kind: "same_rows" };
  return {
    kind: "rows_differ",
    columnsDiffer,
    missing: missing.slice(0, SHOWN),
    extra: extra.slice(0, SHOWN),
    missingCount: missing.length,
    extraCount: extra.length,
    partial: chosen.truncated || rejected.truncated,
  };
}
