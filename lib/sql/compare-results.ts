// Execution match with the semantics of the official evaluators, chosen per call.
// Spider (test-suite-sql-eval exec_eval.result_eq): rows are bags, order matters only when the
// (distinct-stripped) gold SQL contains the substring 'order by'; a column permutation of the
// prediction may make it equal; two empty results are equal. BIRD (evaluation.py):
// set(predicted) == set(gold) over whole tuples; order and duplicates ignored, column order not.
import { compareCodePoints, type NumberTyping, pythonSortKey, valueKey } from "@/lib/sql/python-equality";

export type CompareInput = {
  gold: { rows: unknown[][] };
  pred: { rows: unknown[][] };
  goldSql: string;
  metric: "spider" | "bird";
  /** How numbers were read (see NumberTyping); defaults to better-sqlite3's plain numbers. */
  numberTyping?: NumberTyping;
};

export type CompareOutcome = { match: boolean; reason: string };

// ---- the SQL text: exec_eval.postprocess, parse.remove_distinct (sqlparse tokens), replace_cur_year ----

const W = "[\\p{L}\\p{N}_]"; // Python's Unicode \w
const D = "\\p{Nd}"; // Python's Unicode \d
const B = `(?!${W})`; // \b after a word character
type Kind = "ws" | "nl" | "comment" | "punct" | "kw" | "ddl" | "word" | "other";
// sqlparse 0.4 keywords.SQL_REGEX, in order (first match at the position wins)
const LEXER: Array<[RegExp, Kind]> = (
  [
    ["(--|# )\\+[^\\n]*?(\\r\\n|\\r|\\n|$)", "other"], ["/\\*\\+[\\s\\S]*?\\*/", "other"],
    ["(--|# )[^\\n]*?(\\r\\n|\\r|\\n|$)", "comment"], ["/\\*[\\s\\S]*?\\*/", "other"], ["(\\r\\n|\\r|\\n)", "nl"],
    ["\\s", "ws"], [":=", "other"], ["::", "punct"], ["\\*", "other"], ["`(``|[^`])*`", "other"], ["´(´´|[^´])*´", "other"],
    [`((?<!\\S)\\$(?:[_A-ZÀ-Ü]${W}*)?\\$)[\\s\\S]*?\\1`, "other"], ["\\?", "other"], [`%(\\(${W}+\\))?s`, "other"],
    [`(?<!${W})[$:?]${W}+`, "other"], [`\\\\${W}+`, "other"], [`(NOT\\s+)?(IN)${B}`, "other"],
    [`(CASE|IN|VALUES|USING|FROM|AS)${B}`, "kw"], [`(@|##|#)[A-ZÀ-Ü]${W}+`, "other"], [`[A-ZÀ-Ü]${W}*(?=\\s*\\.)`, "other"],
    [`(?<=\\.)[A-ZÀ-Ü]${W}*`, "other"], [`[A-ZÀ-Ü]${W}*(?=\\()`, "other"], [`-?0x[${D}A-F]+`, "other"],
    [`-?${D}+(\\.${D}+)?E-?${D}+`, "other"], [`(?![_A-ZÀ-Ü])-?(${D}+(\\.${D}*)|\\.${D}+)(?![_A-ZÀ-Ü])`, "other"],
    [`(?![_A-ZÀ-Ü])-?${D}+(?![_A-ZÀ-Ü])`, "other"], ["'(''|\\\\\\\\|\\\\'|[^'])*'", "other"],
    ['"(""|\\\\\\\\|\\\\"|[^"])*"', "other"], ['(""|"[^\\n]*?[^\\\\]")', "other"],
    [`(?<![\\p{L}\\p{N}_\\])])(\\[[^\\]\\[]+\\])`, "other"],
    [`((LEFT\\s+|RIGHT\\s+|FULL\\s+)?(INNER\\s+|OUTER\\s+|STRAIGHT\\s+)?|(CROSS\\s+|NATURAL\\s+)?)?JOIN${B}`, "kw"],
    [`END(\\s+IF|\\s+LOOP|\\s+WHILE)?${B}`, "kw"], [`NOT\\s+NULL${B}`, "kw"], [`NULLS\\s+(FIRST|LAST)${B}`, "kw"],
    [`UNION\\s+ALL${B}`, "kw"], [`CREATE(\\s+OR\\s+REPLACE)?${B}`, "ddl"], [`DOUBLE\\s+PRECISION${B}`, "other"],
    [`GROUP\\s+BY${B}`, "kw"], [`ORDER\\s+BY${B}`, "kw"], [`HANDLER\\s+FOR${B}`, "kw"],
    [`(LATERAL\\s+VIEW\\s+)(EXPLODE|INLINE|PARSE_URL_TUPLE|POSEXPLODE|STACK)${B}`, "kw"],
    ["(AT|WITH')\\s+TIME\\s+ZONE\\s+'[^']+'", "other"], [`(NOT\\s+)?(LIKE|ILIKE|RLIKE)${B}`, "other"],
    [`(NOT\\s+)?(REGEXP)${B}`, "other"], [`[0-9_\\p{L}\\p{N}][_$#\\p{L}\\p{N}]*`, "word"], ["[;:()\\[\\],\\.]", "punct"],
    ["[<>=~!]+", "other"], ["[+/@#%^&|^-]+", "other"],
  ] as const
).map(([source, kind]) => [new RegExp(source, "iuy"), kind]);

/** Words the statement splitter reacts to (all sqlparse keywords). */
const SPLIT_WORDS = new Set(["BEGIN", "DECLARE", "IF", "FOR", "WHILE"]);

function* sqlparseTokens(sql: string): Generator<{ value: string; kind: Kind }> {
  let pos = 0;
  while (pos < sql.length) {
    let token: { value: string; kind: Kind } | null = null;
    for (const [regex, kind] of LEXER) {
      regex.lastIndex = pos;
      const m = regex.exec(sql);
      if (!m) continue;
      const isKeyword = kind === "word" && SPLIT_WORDS.has(m[0].toUpperCase());
      if (m[0] === "") continue;
      token = { value: m[0], kind: isKeyword ? "kw" : kind };
      break;
    }
    token ??= { value: String.fromCodePoint(sql.codePointAt(pos)!), kind: "other" };
    yield token;
    pos += token.value.length;
  }
}

/** The tokens of sqlparse.parse(sql)[0]: the first statement, as sqlparse's StatementSplitter cuts it. */
function firstStatementTokens(sql: string): string[] {
  const tokens: string[] = [];
  let level = 0;
  let consumeWs = false;
  let isCreate = false;
  let beginDepth = 0;
  for (const { value, kind } of sqlparseTokens(sql)) {
    if (consumeWs && kind !== "ws" && kind !== "comment") return tokens;
    const word = value.toUpperCase();
    if (kind === "punct" && value === "(") level += 1;
    else if (kind === "punct" && value === ")") level -= 1;
    else if (kind === "ddl" && word.startsWith("CREATE")) isCreate = true;
    else if (kind === "kw") {
      if (word === "DECLARE" && isCreate && beginDepth === 0) level += 1;
      else if (word === "BEGIN") {
        beginDepth += 1;
        if (isCreate) level += 1;
      } else if (word === "END") {
        beginDepth = Math.max(0, beginDepth - 1);
        level -= 1;
      } else if (["IF", "FOR", "WHILE", "CASE"].includes(word) && isCreate && beginDepth > 0) level += 1;
      else if (["END IF", "END FOR", "END WHILE"].includes(word)) level -= 1;
    }
    tokens.push(value);
    if (level <= 0 && kind === "punct" && value === ";") consumeWs = true;
  }
  return tokens.every((t) => /^\s+$/u.test(t)) ? [] : tokens;
}

/**
 * test-suite's parse.remove_distinct: "".join of sqlparse.parse(s)[0].flatten() without the tokens
 * whose value.lower() == "distinct". Quoted text, comments and longer words stay; only the first
 * statement survives (the official crashes on empty SQL; here the SQL comes back unchanged).
 */
export function removeDistinctTokens(sql: string): string {
  const tokens = firstStatementTokens(sql);
  if (tokens.length === 0) return sql;
  return tokens.filter((t) => t.toLowerCase() !== "distinct").join("");
}

/**
 * The SQL the official Spider runner executes (without --keep_distinct): exec_eval.postprocess
 * ('> =' -> '>=' etc.), then remove_distinct, then replace_cur_year (YEAR(CURDATE()) -> 2020).
 */
export function stripDistinctForSpider(sql: string): string {
  const fixed = sql.replace(/> =/g, ">=").replace(/< =/g, "<=").replace(/! =/g, "!=");
  return removeDistinctTokens(fixed).replace(/YEAR\s*\(\s*CURDATE\s*\(\s*\)\s*\)\s*/giu, "2020");
}

/** order_matters = 'order by' in g_str.lower(), g_str being the postprocessed, distinct-stripped gold. */
export function spiderOrderMatters(goldSql: string): boolean {
  return stripDistinctForSpider(goldSql).toLowerCase().includes("order by");
}

// ---- comparison ----

/** A result as Python sees it: per cell, its equality key (== and hash) and its unorder_row sort key. */
type PyTable = { eq: string[][]; sort: string[][] };

function pythonTable(rows: readonly unknown[][], typing: NumberTyping): PyTable {
  // keys are computed once per cell, so a NaN cell keeps one identity (equal to itself only)
  return { eq: rows.map((row) => row.map(valueKey)), sort: rows.map((row) => row.map((v) => pythonSortKey(v, typing))) };
}

/** A tuple of keys as one key: equal exactly when the tuples are == in Python. */
const tupleKey = (keys: readonly string[]) => keys.map((k) => `${k.length}:${k}`).join("");

export function compareResults(input: CompareInput): CompareOutcome {
  const typing = input.numberTyping ?? "plain";
  const gold = pythonTable(input.gold.rows, typing);
  const pred = pythonTable(input.pred.rows, typing);
  return input.metric === "bird" ? compareBird(gold, pred) : compareSpider(gold, pred, input.goldSql);
}

const yes = (reason: string): CompareOutcome => ({ match: true, reason });
const no = (reason: string): CompareOutcome => ({ match: false, reason });

function compareBird(gold: PyTable, pred: PyTable): CompareOutcome {
  const g = new Set(gold.eq.map(tupleKey));
  const p = new Set(pred.eq.map(tupleKey));
  if (g.size === p.size && [...p].every((k) => g.has(k))) return yes(g.size === 0 ? "both results are empty" : "same set of rows");
  const gw = gold.eq[0]?.length;
  const pw = pred.eq[0]?.length;
  if (gw !== undefined && pw !== undefined && gw !== pw) return no(`column count differs: gold ${gw}, predicted ${pw}`);
  if (g.size !== p.size) return no(`distinct row count differs: gold ${g.size}, predicted ${p.size}`);
  return no("rows differ");
}

/** unorder_row: the row's values sorted (stably) by str(x) + str(type(x)), as a tuple key. */
function unorderedKeys(t: PyTable): string[] {
  return t.eq.map((cells, r) => {
    const sort = t.sort[r]!;
    const order = cells.map((_, i) => i).sort((a, b) => compareCodePoints(sort[a]!, sort[b]!));
    return tupleKey(order.map((i) => cells[i]!));
  });
}

function quickRej(g: string[], p: string[], ordered: boolean): boolean {
  if (ordered) return g.every((k, i) => k === p[i]);
  const gs = new Set(g);
  const ps = new Set(p);
  return gs.size === ps.size && [...ps].every((k) => gs.has(k));
}

function compareSpider(gold: PyTable, pred: PyTable, goldSql: string): CompareOutcome {
  const rows = gold.eq.length;
  if (rows === 0 && pred.eq.length === 0) return yes("both results are empty");
  if (rows !== pred.eq.length) return no(`row count differs: gold ${rows}, predicted ${pred.eq.length}`);
  const cols = gold.eq[0]!.length;
  if (pred.eq[0]!.length !== cols) return no(`column count differs: gold ${cols}, predicted ${pred.eq[0]!.length}`);
  const ordered = spiderOrderMatters(goldSql);
  const gu = unorderedKeys(gold);
  const pu = unorderedKeys(pred);
  const orderNote = "order differs (the gold SQL contains 'order by', so order matters)";
  if (!quickRej(gu, pu, ordered)) return no(ordered && quickRej(gu, pu, false) ? orderNote : "rows differ");
  const perm = ordered ? orderedPermutation(gold.eq, pred.eq, cols) : unorderedPermutation(gold.eq, pred.eq, cols);
  if (perm === "budget") return no("no decision: too many candidate column orders (treated as a mismatch)");
  if (perm) return yes(perm.some((j, i) => j !== i) ? "same rows with the columns in another order" : "same rows");
  if (ordered && unorderedPermutation(gold.eq, pred.eq, cols)) return no(orderNote);
  return no("rows differ (no column order makes them equal)");
}

const columnOf = (t: string[][], c: number) => tupleKey(t.map((row) => row[c]!));

/** Ordered: result1 == permuted result2 row by row, i.e. each gold column equals a distinct predicted column. */
function orderedPermutation(gold: string[][], pred: string[][], cols: number): number[] | null {
  const free = new Map<string, number[]>();
  for (let j = cols - 1; j >= 0; j--) free.set(columnOf(pred, j), [...(free.get(columnOf(pred, j)) ?? []), j]);
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

function sameBag(a: readonly string[], b: readonly string[]): boolean {
  const counts = new Map<string, number>();
  for (const k of a) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const k of b) {
    const n = counts.get(k) ?? 0;
    if (n === 0) return false;
    counts.set(k, n - 1);
  }
  return true;
}

/**
 * Unordered: some column permutation makes the bags of rows equal. Depth-first over gold columns;
 * a predicted column is tried only if it has the gold column's bag of values, only once among
 * identical predicted columns, and only if the rows projected on the columns chosen so far still
 * form equal bags. Each prune only drops permutations that cannot work, so the answer is the
 * official one (whose sampling prune is also only of impossible permutations).
 */
function unorderedPermutation(gold: string[][], pred: string[][], cols: number): number[] | null | "budget" {
  const bagKey = (t: string[][], c: number) => tupleKey(t.map((row) => row[c]!).sort());
  const goldBags = Array.from({ length: cols }, (_, i) => bagKey(gold, i));
  const predBags = Array.from({ length: cols }, (_, j) => bagKey(pred, j));
  const predCols = Array.from({ length: cols }, (_, j) => columnOf(pred, j));
  const used = new Array<boolean>(cols).fill(false);
  const perm: number[] = [];
  let work = 0;
  const search = (i: number, gp: string[], pp: string[]): boolean | "budget" => {
    if (i === cols) return true;
    const tried = new Set<string>();
    const nextG = gp.map((k, r) => k + tupleKey([gold[r]![i]!]));
    const candidates = [i, ...Array.from({ length: cols }, (_, j) => j).filter((j) => j !== i)];
    for (const j of candidates) {
      if (used[j] || predBags[j] !== goldBags[i] || tried.has(predCols[j]!)) continue;
      tried.add(predCols[j]!);
      work += gp.length * 2;
      if (work > BUDGET) return "budget";
      const nextP = pp.map((k, r) => k + tupleKey([pred[r]![j]!]));
      if (!sameBag(nextG, nextP)) continue;
      used[j] = true;
      perm.push(j);
      const found = search(i + 1, nextG, nextP);
      if (found) return found;
      perm.pop();
      used[j] = false;
    }
    return false;
  };
  const empty = gold.map(() => "");
  const found = search(0, empty, pred.map(() => ""));
  return found === "budget" ? "budget" : found ? perm : null;
}
