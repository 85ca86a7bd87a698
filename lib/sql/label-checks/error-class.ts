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
    /no such function|wrong number of arguments|misuse of (aliased )?(aggregate|window)|datatype mismatch/i,
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
 * number of rows, or the same number with other values. Rows compare as the metric compares them:
 * Spider's bags of rows, whose columns may come in another order; BIRD's sets of rows. An empty
 * side is a wrong row count, never a subset or superset.
 */
export function mismatchClass(
  gold: readonly unknown[][],
  pred: readonly unknown[][],
  metric: "spider" | "bird",
): ErrorClass {
  const gw = gold[0]?.length;
  const pw = pred[0]?.length;
  if (gw !== undefined && pw !== undefined && gw !== pw) return "wrong_column_count";
  if (!gold.length || !pred.length) return "wrong_row_count";
  const bags = rowBags(gold, pred, metric === "spider");
  const asSets = metric === "bird";
  const [g, p] = asSets ? [distinct(bags.gold), distinct(bags.pred)] : [bags.gold, bags.pred];
  const size = (bag: Map<string, number>) => [...bag.values()].reduce((a, b) => a + b, 0);
  if (sameBag(g, p)) return "same_rows_other_order";
  if (size(p) < size(g) && bagWithin(p, g)) return "subset_of_gold";
  if (size(p) > size(g) && bagWithin(g, p)) return "superset_of_gold";
  return size(g) === size(p) ? "values_differ" : "wrong_row_count";
}

/** A bag with every row once (a set). */
const distinct = (bag: Map<string, number>) => new Map([...bag.keys()].map((k) => [k, 1]));
