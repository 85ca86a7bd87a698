import { valueInterner } from "@/lib/sql/python-equality";

// Two results as bags of rows compared by Python's == (lib/sql/python-equality.ts), for the label
// checks: how many times each row occurs in each.

export type RowBags = { gold: Map<string, number>; pred: Map<string, number> };

/**
 * `unordered`: each row's values taken in sorted order, so that rows equal up to an order of their
 * columns are one (Spider lets a prediction's columns come in another order).
 */
export function rowBags(gold: readonly unknown[][], pred: readonly unknown[][], unordered = false): RowBags {
  const idOf = valueInterner();
  const bag = (rows: readonly unknown[][]) => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const ids = row.map(idOf);
      const key = (unordered ? ids.sort((a, b) => a - b) : ids).join(",");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  return { gold: bag(gold), pred: bag(pred) };
}

/** Every row of `a` is in `b` at least as often (a ⊆ b as bags). */
export function bagWithin(a: Map<string, number>, b: Map<string, number>): boolean {
  for (const [key, n] of a) if ((b.get(key) ?? 0) < n) return false;
  return true;
}

export const sameBag = (a: Map<string, number>, b: Map<string, number>) =>
  a.size === b.size && bagWithin(a, b) && bagWithin(b, a);

/** Whether some row occurs twice or more (as Python's == compares values). */
export function hasDuplicateRows(rows: readonly unknown[][]): boolean {
  return rowBags(rows, []).gold.size < rows.length;
}
