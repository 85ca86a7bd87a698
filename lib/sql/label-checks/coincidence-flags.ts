import type { CoincidenceFlag } from "@/lib/sql/label-checks/label-flags";
import { rowBags, sameBag } from "@/lib/sql/label-checks/row-bags";

const SMALL = 10;

const isSmallNumber = (v: unknown) =>
  (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= SMALL) ||
  (typeof v === "bigint" && v >= 0n && v <= BigInt(SMALL));

/**
 * Why a match of a prediction with the gold may be a coincidence (both results given as the judge
 * compared them): empty results, a lone NULL, a lone small number (counts and yes/no answers that
 * many wrong queries also give), or, under BIRD's metric, rows equal only as sets (a different
 * number of duplicates set aside; under Spider's, the judge checks DISTINCT's removal itself,
 * lib/sql/exec/judge-candidates.ts). Empty for a match that stands on its own.
 */
export function coincidenceFlags(
  gold: readonly unknown[][],
  pred: readonly unknown[][],
  metric: "spider" | "bird",
): CoincidenceFlag[] {
  if (gold.length === 0 && pred.length === 0) return ["both_empty"];
  const flags: CoincidenceFlag[] = [];
  const isLone = (rows: readonly unknown[][]) => rows.length === 1 && rows[0]!.length === 1;
  if (isLone(gold) && isLone(pred)) {
    const [g, p] = [gold[0]![0], pred[0]![0]];
    if (g === null && p === null) flags.push("single_null");
    else if (isSmallNumber(g) && isSmallNumber(p)) flags.push("single_small_value");
  }
  if (metric === "bird") {
    const bags = rowBags(gold, pred);
    if (gold.length !== pred.length || !sameBag(bags.gold, bags.pred)) flags.push("equal_only_as_sets");
  }
  return flags;
}
