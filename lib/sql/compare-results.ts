// Execution match with the semantics of the official evaluators, chosen per call.
// Spider (test-suite-sql-eval exec_eval.result_eq): rows are bags, order matters only when the
// (distinct-stripped) gold SQL contains the substring 'order by'; a column permutation of the
// prediction may make it equal; two empty results are equal. BIRD (evaluation.py):
// set(predicted) == set(gold) over whole tuples; order and duplicates ignored, column order not.
import {
  compareCodePoints,
  type NumberTyping,
  pythonSortKey,
  pythonType,
  valueInterner,
} from "@/lib/sql/python-equality";
import { spiderOrderMatters } from "@/lib/sql/spider-sql-rewrite";

export type CompareInput = {
  gold: { rows: unknown[][] };
  pred: { rows: unknown[][] };
  goldSql: string;
  metric: "spider" | "bird";
  /** How numbers were read (see NumberTyping); defaults to better-sqlite3's plain numbers. */
  numberTyping?: NumberTyping;
};

export type CompareOutcome = { match: boolean; reason: string };

// ---- comparison ----

/**
 * Both results as Python sees them: each distinct value (by Python's ==, hash agreeing) gets an
 * integer id shared by gold and prediction, so tuples compare as lists of ids. A NaN gets a new id
 * per cell (equal to itself only). `values` keeps the raw rows for unorder_row's sort keys.
 */
type PyTable = { ids: number[][]; values: readonly unknown[][] };

function pythonTables(gold: readonly unknown[][], pred: readonly unknown[][]): [PyTable, PyTable, number] {
  const idOf = valueInterner();
  const intern = (rows: readonly unknown[][]): PyTable => ({
    values: rows,
    ids: rows.map((row) => row.map(idOf)),
  });
  const tables: [PyTable, PyTable] = [intern(gold), intern(pred)];
  return [...tables, idOf(Number.NaN) + 1]; // a NaN takes the next unused id: one above every id given
}

/** A tuple of ids as one key: equal exactly when the tuples are == in Python. */
const tupleKey = (ids: readonly number[]) => ids.join(",");

export function compareResults(input: CompareInput): CompareOutcome {
  const [gold, pred, distinctValues] = pythonTables(input.gold.rows, input.pred.rows);
  if (input.metric === "bird") return compareBird(gold, pred);
  return compareSpider(gold, pred, distinctValues, input.goldSql, input.numberTyping ?? "plain");
}

const yes = (reason: string): CompareOutcome => ({ match: true, reason });
const no = (reason: string): CompareOutcome => ({ match: false, reason });

function compareBird(gold: PyTable, pred: PyTable): CompareOutcome {
  const g = new Set(gold.ids.map(tupleKey));
  const p = new Set(pred.ids.map(tupleKey));
  if (g.size === p.size && [...p].every((k) => g.has(k)))
    return yes(g.size === 0 ? "both results are empty" : "same set of rows");
  const gw = gold.ids[0]?.length;
  const pw = pred.ids[0]?.length;
  if (gw !== undefined && pw !== undefined && gw !== pw)
    return no(`column count differs: gold ${gw}, predicted ${pw}`);
  if (g.size !== p.size) return no(`distinct row count differs: gold ${g.size}, predicted ${p.size}`);
  return no("rows differ");
}

const TYPE_CODES = { int: 0, float: 1, str: 2, bytes: 3, NoneType: 4, bool: 5, object: 6 } as const;
const BEYOND_BMP = /[\ud800-\uffff]/; // where JS's string order and Python's (code points) may differ

/**
 * unorder_row for every row of both tables: the row's values sorted (stably) by
 * str(x) + str(type(x)) in code point order, as a tuple key. The sort key of each distinct
 * (value, Python type) is built once.
 */
function unorderedKeys(tables: PyTable[], typing: NumberTyping): string[][] {
  if ((tables[0]!.ids[0]?.length ?? 0) <= 1) return tables.map((t) => t.ids.map(tupleKey));
  const keys = new Map<number, { key: string; plain: boolean }>(); // id * 8 + type code -> sort key
  const compare = (a: { key: string; plain: boolean }, b: { key: string; plain: boolean }) =>
    a.key === b.key ? 0 : a.plain && b.plain ? (a.key < b.key ? -1 : 1) : compareCodePoints(a.key, b.key);
  return tables.map((t) =>
    t.ids.map((ids, r) => {
      const row = t.values[r]!;
      const cells = ids.map((id, c) => {
        const type = pythonType(row[c], typing);
        const code = id * 8 + (type === "float" && Object.is(row[c], -0) ? 7 : TYPE_CODES[type]);
        let cell = keys.get(code);
        if (!cell) {
          const key = pythonSortKey(row[c], typing);
          keys.set(code, (cell = { key, plain: !BEYOND_BMP.test(key) }));
        }
        return cell;
      });
      const order = ids.map((_, i) => i).sort((a, b) => compare(cells[a]!, cells[b]!) || a - b);
      return tupleKey(order.map((i) => ids[i]!));
    }),
  );
}

function quickRej(g: string[], p: string[], ordered: boolean): boolean {
  if (ordered) return g.every((k, i) => k === p[i]);
  const gs = new Set(g);
  const ps = new Set(p);
  return gs.size === ps.size && [...ps].every((k) => gs.has(k));
}

function compareSpider(
  gold: PyTable,
  pred: PyTable,
  distinctValues: number,
  goldSql: string,
  typing: NumberTyping,
): CompareOutcome {
  const rows = gold.ids.length;
  if (rows === 0 && pred.ids.length === 0) return yes("both results are empty");
  if (rows !== pred.ids.length) return no(`row count differs: gold ${rows}, predicted ${pred.ids.length}`);
  const cols = gold.ids[0]!.length;
  if (pred.ids[0]!.length !== cols)
    return no(`column count differs: gold ${cols}, predicted ${pred.ids[0]!.length}`);
  const ordered = spiderOrderMatters(goldSql);
  const [gu, pu] = unorderedKeys([gold, pred], typing) as [string[], string[]];
  const orderNote = "order differs (the gold SQL contains 'order by', so order matters)";
  if (!quickRej(gu, pu, ordered)) return no(ordered && quickRej(gu, pu, false) ? orderNote : "rows differ");
  const unordered = () => unorderedPermutation(gold.ids, pred.ids, cols, distinctValues);
  const perm = ordered ? orderedPermutation(gold.ids, pred.ids, cols) : unordered();
  if (perm === "budget") return no("no decision: too many candidate column orders (treated as a mismatch)");
  if (perm)
    return yes(perm.some((j, i) => j !== i) ? "same rows with the columns in another order" : "same rows");
  if (ordered && unordered()) return no(orderNote);
  return no("rows differ (no column order makes them equal)");
}

const columnOf = (t: number[][], c: number) => tupleKey(t.map((row) => row[c]!));

/** Ordered: result1 == permuted result2 row by row, i.e. each gold column equals a distinct predicted column. */
function orderedPermutation(gold: number[][], pred: number[][], cols: number): number[] | null {
  const free = new Map<string, number[]>();
  for (let j = cols - 1; j >= 0; j--) {
    const key = columnOf(pred, j);
    free.set(key, [...(free.get(key) ?? []), j]);
  }
  const perm: number[] = [];
  for (let i = 0; i < cols; i++) {
    const js = free.get(columnOf(gold, i));
    const j = js?.includes(i) ? i : js?.[js.length - 1];
    if (j === undefined) return null;
    js!.splice(js!.indexOf(j), 1);
    perm.push(j);
  }
  return perm;
}

const BUDGET = 20_000_000; // cell visits

/**
 * Unordered: some column permutation makes the bags of rows equal. Depth-first over gold columns;
 * a predicted column is tried only once among identical predicted columns, and only if the rows
 * projected on the columns chosen so far still form equal bags (which implies equal bags of values
 * per column). Each prune only drops permutations that cannot work, so the answer is the official
 * one (whose sampling prune is also only of impossible permutations). Row prefixes are interned
 * per depth as (prefix id, value id) -> id, taken from the gold rows: a predicted prefix unknown
 * to gold, or more frequent than in gold, prunes at once.
 */
function unorderedPermutation(
  gold: number[][],
  pred: number[][],
  cols: number,
  distinctValues: number,
): number[] | null | "budget" {
  const rows = gold.length;
  const predHash = Array.from({ length: cols }, (_, j) =>
    pred.reduce((h, row) => (Math.imul(h, 31) + row[j]!) | 0, 0),
  );
  const samePredColumns = (a: number, b: number) =>
    predHash[a] === predHash[b] && pred.every((row) => row[a] === row[b]);
  const steps: Array<Map<number, number>> = [];
  const goldCounts: number[][] = [];
  let prefixes = new Array<number>(rows).fill(0);
  for (let i = 0; i < cols; i++) {
    const step = new Map<number, number>();
    const counts: number[] = [];
    prefixes = prefixes.map((prefix, r) => {
      const key = prefix * distinctValues + gold[r]![i]!;
      let id = step.get(key);
      if (id === undefined) step.set(key, (id = counts.push(0) - 1));
      counts[id]! += 1;
      return id;
    });
    steps.push(step);
    goldCounts.push(counts);
  }
  const used = new Array<boolean>(cols).fill(false);
  const perm: number[] = [];
  let work = 0;
  const search = (i: number, pp: number[]): boolean | "budget" => {
    if (i === cols) return true;
    const tried: number[] = [];
    const step = steps[i]!;
    const want = goldCounts[i]!;
    const counts = new Int32Array(want.length); // zero again after each candidate
    const next = new Array<number>(rows); // this depth's prefixes, reused across candidates
    const candidates = [i, ...Array.from({ length: cols }, (_, j) => j).filter((j) => j !== i)];
    for (const j of candidates) {
      if (used[j] || tried.some((k) => samePredColumns(k, j))) continue;
      tried.push(j);
      work += rows;
      if (work > BUDGET) return "budget";
      let ok = true;
      let r = 0;
      for (; ok && r < rows; r++) {
        const id = step.get(pp[r]! * distinctValues + pred[r]![j]!);
        if (id === undefined) break;
        next[r] = id;
        ok = ++counts[id]! <= want[id]!;
      }
      for (let k = 0; k < r; k++) counts[next[k]!] = 0;
      if (!ok || r < rows) continue;
      used[j] = true;
      perm.push(j);
      const found = search(i + 1, next);
      if (found) return found;
      perm.pop();
      used[j] = false;
    }
    return false;
  };
  const found = search(0, new Array<number>(rows).fill(0));
  return found === "budget" ? "budget" : found ? perm : null;
}
