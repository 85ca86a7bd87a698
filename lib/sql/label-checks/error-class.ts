import type { JudgeFailure } from "@/lib/sql/exec/exec-types";
import type { ErrorClass } from "@/lib/sql/label-checks/label-flags";
import { bagWithin, rowBags, sameBag } from "@/lib/sql/label-checks/row-bags";

// SQLite's words for each class of failure (its messages, e.g. "no such column: t.x").
const ENGINE_CLASSES: [RegExp, ErrorClass][] = [
  [/syntax error|incomplete input|unrecognized token/i, "syntax_error"],
  [/no such table/i, "unknown_table"],
  [/no such column/i, "unknown_column"],
  [/ambiguous column/i, "ambiguous_column"],
  [
    /no such function|wrong number of arguments|misuse of (aggregate|window)|datatype mismatch|not an error/i,
    "type_or_function_error",
  ],
];

/** The class of a prediction that did not run: a timeout, or what the engine's message says. */
export function failureClass(failure: JudgeFailure): ErrorClass {
  if (failure.kind === "timeout") return "timeout";
  return ENGINE_CLASSES.find(([words]) => words.test(failure.message))?.[1] ?? "other_error";
}

/**
 * The class of a prediction that ran but whose result is not the gold's: a different number of
 * columns; the same rows in another order (where order matters); the prediction's rows all among
 * the gold's (a subset) or all the gold's among the prediction's (a superset); else a different
 * number of rows, or the same number with other values.
 */
export function mismatchClass(gold: readonly unknown[][], pred: readonly unknown[][]): ErrorClass {
  const gw = gold[0]?.length;
  const pw = pred[0]?.length;
  if (gw !== undefined && pw !== undefined && gw !== pw) return "wrong_column_count";
  const bags = rowBags(gold, pred);
  if (gold.length && sameBag(bags.gold, bags.pred)) return "same_rows_other_order";
  if (pred.length < gold.length && bagWithin(bags.pred, bags.gold)) return "subset_of_gold";
  if (pred.length > gold.length && bagWithin(bags.gold, bags.pred)) return "superset_of_gold";
  return gold.length === pred.length ? "values_differ" : "wrong_row_count";
}
