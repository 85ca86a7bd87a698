// Execution match with the semantics of the official evaluators.
// Spider (test-suite-sql-eval, result_eq): gold and prediction rows are bags; order matters only
// when the gold SQL contains "order by"; column order is free (a column permutation that makes the
// bags equal counts); two empty results are equal whatever their columns.
// BIRD (evaluation.py): set(pred) == set(gold) over whole rows; order, duplicates and column names
// are ignored, column order is not.
import { countKeys, rowKey, sameCounts, unorderedRowKey, valueKey } from "@/lib/sql/python-values";

export type CompareInput = {
  gold: { rows: unknown[][] };
  pred: { rows: unknown[][] };
  goldSql: string;
  metric: "spider" | "bird";
};

export type CompareOutcome = { match: boolean; reason: string };

const MAX_PERMUTATIONS = 100_000;

/** Whether the official Spider evaluator treats row order as significant for this gold SQL. */
export function spiderOrderMatters(goldSql: string): boolean {
  return goldSql.toLowerCase().includes("order by");
}

/**
 * The official Spider runner removes every token "distinct" from both queries before executing
 * them (unless --keep_distinct). Quoted text is left alone; everything else stays as written.
 */
export function stripDistinctForSpider(sql: string): string {
  return sql.replace(/('(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`)|\bdistinct\b/gi, (match, quoted: string | undefined) => (quoted ? match : ""));
}

export function compareResults(input: CompareInput): CompareOutcome {
  return input.metric === "bird" ? compareBird(input.gold.rows, input.pred.rows) : compareSpider(input.gold.rows, input.pred.rows, input.goldSql);
}

function compareBird(gold: unknown[][], pred: unknown[][]): CompareOutcome {
  const goldSet = new Set(gold.map(rowKey));
  const predSet = new Set(pred.map(rowKey));
  if (goldSet.size !== predSet.size) return { match: false, reason: `distinct rows differ: gold ${goldSet.size}, predicted ${predSet.size}` };
  for (const key of predSet) if (!goldSet.has(key)) return { match: false, reason: "the sets of rows differ" };
  return { match: true, reason: "same set of rows" };
}

function compareSpider(gold: unknown[][], pred: unknown[][], goldSql: string): CompareOutcome {
  if (gold.length === 0 && pred.length === 0) return { match: true, reason: "both results are empty" };
  if (gold.length !== pred.length) return { match: false, reason: `row count differs: gold ${gold.length}, predicted ${pred.length}` };
  const columns = gold[0]!.length;
  if (pred[0]!.length !== columns) return { match: false, reason: `column count differs: gold ${columns}, predicted ${pred[0]!.length}` };
  const ordered = spiderOrderMatters(goldSql);
  if (!quickCheck(gold, pred, ordered)) return { match: false, reason: ordered ? "rows differ (order matters: gold has ORDER BY)" : "rows differ" };

  const goldKeys = ordered ? gold.map(rowKey) : null;
  const goldBag = ordered ? null : countKeys(gold.map(rowKey));
  let tried = 0;
  for (const perm of columnPermutations(gold, pred)) {
    if (++tried > MAX_PERMUTATIONS) return { match: false, reason: `gave up after ${MAX_PERMUTATIONS} column permutations` };
    const permuted = pred.map((row) => rowKey(perm.map((j) => row[j])));
    if (goldKeys ? permuted.every((k, i) => k === goldKeys[i]) : sameCounts(goldBag!, countKeys(permuted))) {
      return { match: true, reason: columns > 1 && perm.some((j, i) => j !== i) ? "same rows with columns in another order" : "same rows" };
    }
  }
  return { match: false, reason: ordered ? "rows differ (order matters: gold has ORDER BY)" : "rows differ" };
}

/** The official quick rejection: rows compared as unordered tuples (a list when ordered, a set when not). */
function quickCheck(gold: unknown[][], pred: unknown[][], ordered: boolean): boolean {
  const g = gold.map(unorderedRowKey);
  const p = pred.map(unorderedRowKey);
  if (ordered) return g.every((key, i) => key === p[i]);
  const gs = new Set(g);
  const ps = new Set(p);
  return gs.size === ps.size && [...ps].every((k) => gs.has(k));
}

/**
 * Column permutations perm (gold column i <- predicted column perm[i]) that could make the results
 * equal: a predicted column is a candidate for a gold column only when it holds the same bag of
 * values. This prunes only impossible mappings, so the outcome equals trying every permutation.
 */
function* columnPermutations(gold: unknown[][], pred: unknown[][]): Generator<number[]> {
  const n = gold[0]!.length;
  const bag = (rows: unknown[][], c: number) => countKeys(rows.map((r) => valueKey(r[c])));
  const predBags = Array.from({ length: n }, (_, j) => bag(pred, j));
  const candidates = Array.from({ length: n }, (_, i) => {
    const goldBag = bag(gold, i);
    const same = predBags.flatMap((b, j) => (sameCounts(goldBag, b) ? [j] : []));
    return same.includes(i) ? [i, ...same.filter((j) => j !== i)] : same; // identity first
  });
  const used = new Array<boolean>(n).fill(false);
  const perm: number[] = [];
  function* extend(i: number): Generator<number[]> {
    if (i === n) {
      yield [...perm];
      return;
    }
    for (const j of candidates[i]!) {
      if (used[j]) continue;
      used[j] = true;
      perm.push(j);
      yield* extend(i + 1);
      perm.pop();
      used[j] = false;
    }
  }
  yield* extend(0);
}
