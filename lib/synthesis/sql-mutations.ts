// Offline weak source: perturbs a gold SQL the way a weak model goes wrong — a flipped or dropped
// condition, another aggregate, the other sort direction, another LIMIT, a dropped or swapped
// column, a loosened join — so that mutants can stand in for wrong model answers.
import { normalizeSql, tokenizeSql } from "@/lib/sql/normalize-sql";

export type MutationKind =
  | "flip-comparison"
  | "flip-connective"
  | "drop-condition"
  | "change-aggregate"
  | "flip-sort"
  | "change-limit"
  | "drop-column"
  | "swap-join-key";

export type Mutant = { kind: MutationKind; sql: string };

type Tok = { kind: string; text: string };

const COMPARISON_FLIPS: Record<string, string> = {
  ">": "<",
  "<": ">",
  ">=": "<=",
  "<=": ">=",
  "=": "!=",
  "!=": "=",
  "<>": "=",
};
const AGGREGATE_SWAPS: Record<string, string> = {
  max: "min",
  min: "max",
  sum: "avg",
  avg: "sum",
  count: "sum",
};
const CLAUSE_END = new Set(["group", "order", "having", "limit", "intersect", "union", "except"]);

const lower = (t: Tok | undefined) => t?.text.toLowerCase() ?? "";
/** Tokens back to SQL with ordinary spacing: none around "." or inside parentheses, none before ",". */
function render(toks: Tok[]): string {
  let out = "";
  toks.forEach((t, i) => {
    const prev = toks[i - 1]?.text;
    const tight =
      i === 0 ||
      t.text === "." ||
      prev === "." ||
      t.text === "," ||
      t.text === ")" ||
      prev === "(" ||
      (t.text === "(" && toks[i - 1]?.kind === "word" && AGGREGATE_CALL.test(prev ?? ""));
    out += (tight ? "" : " ") + t.text;
  });
  return out;
}
const AGGREGATE_CALL = /^(count|sum|avg|min|max|abs|length|lower|upper|round|substr|coalesce|ifnull)$/i;
const replaced = (toks: Tok[], at: number, text: string) =>
  render(toks.map((t, i) => (i === at ? { ...t, text } : t)));

/** Where the clause starting at `start` ends: a clause keyword at its depth, or the ")" closing its group. */
function clauseEnd(toks: Tok[], d: number[], start: number, stops: Set<string>): number {
  let end = start + 1;
  while (
    end < toks.length &&
    !(d[end] === d[start] && stops.has(lower(toks[end]))) &&
    !(toks[end]!.text === ")" && d[end]! < d[start]!)
  )
    end++;
  return end;
}

/** Parenthesis depth before each token. */
function depths(toks: Tok[]): number[] {
  let depth = 0;
  return toks.map((t) => {
    const before = depth;
    if (t.text === "(") depth++;
    if (t.text === ")") depth--;
    return t.text === ")" ? depth : before;
  });
}

function* flipComparisons(toks: Tok[]): Generator<Mutant> {
  for (const [i, t] of toks.entries()) {
    const w = lower(t);
    if (w === "not" && ["in", "like"].includes(lower(toks[i + 1])))
      yield { kind: "flip-comparison", sql: render(toks.filter((_, k) => k !== i)) };
    if ((w === "in" || w === "like") && lower(toks[i - 1]) !== "not") {
      yield {
        kind: "flip-comparison",
        sql: render([
          ...toks.slice(0, i),
          { kind: "word", text: t.text === "IN" || t.text === "LIKE" ? "NOT" : "not" },
          ...toks.slice(i),
        ]),
      };
    }
    const flip = t.kind === "symbol" ? COMPARISON_FLIPS[t.text] : undefined;
    // `=` inside ON is a join condition, handled by swap-join-key
    if (flip && !(t.text === "=" && insideOn(toks, i)))
      yield { kind: "flip-comparison", sql: replaced(toks, i, flip) };
  }
}

function insideOn(toks: Tok[], at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const w = lower(toks[i]);
    if (w === "on") return true;
    if (w === "where" || w === "join" || w === "select" || w === "from") return false;
  }
  return false;
}

function* flipConnectives(toks: Tok[]): Generator<Mutant> {
  for (const [i, t] of toks.entries()) {
    const w = lower(t);
    if (
      (w === "and" || w === "or") &&
      t.kind === "word" &&
      lower(toks[i - 2]) !== "between" &&
      !insideOn(toks, i)
    ) {
      yield { kind: "flip-connective", sql: replaced(toks, i, w === "and" ? "OR" : "AND") };
    }
  }
}

/** Drops a whole WHERE clause, or one condition after a top-level AND in it. */
function* dropConditions(toks: Tok[]): Generator<Mutant> {
  const d = depths(toks);
  for (const [i, t] of toks.entries()) {
    if (lower(t) !== "where") continue;
    const end = clauseEnd(toks, d, i, CLAUSE_END);
    yield { kind: "drop-condition", sql: render([...toks.slice(0, i), ...toks.slice(end)]) };
    for (let a = i + 1; a < end; a++) {
      if (lower(toks[a]) === "and" && d[a] === d[i] && lower(toks[a - 2]) !== "between") {
        yield {
          kind: "drop-condition",
          sql: render([...toks.slice(0, a), ...toks.slice(nextConditionEnd(toks, d, a, end))]),
        };
      }
    }
  }
}

function nextConditionEnd(toks: Tok[], d: number[], andAt: number, end: number): number {
  for (let k = andAt + 1; k < end; k++) {
    const w = lower(toks[k]);
    if (d[k] === d[andAt] && (w === "and" || w === "or") && lower(toks[k - 2]) !== "between") return k;
  }
  return end;
}

function* changeAggregates(toks: Tok[]): Generator<Mutant> {
  for (const [i, t] of toks.entries()) {
    const swap = AGGREGATE_SWAPS[lower(t)];
    if (swap && toks[i + 1]?.text === "(" && !(lower(t) === "count" && toks[i + 2]?.text === "*")) {
      yield {
        kind: "change-aggregate",
        sql: replaced(toks, i, t.text === t.text.toUpperCase() ? swap.toUpperCase() : swap),
      };
    }
  }
}

function* flipSorts(toks: Tok[]): Generator<Mutant> {
  const d = depths(toks);
  for (const [i, t] of toks.entries()) {
    const w = lower(t);
    if (w === "desc") yield { kind: "flip-sort", sql: replaced(toks, i, "ASC") };
    if (w === "asc") yield { kind: "flip-sort", sql: replaced(toks, i, "DESC") };
    if (w === "by" && lower(toks[i - 1]) === "order") {
      const end = clauseEnd(toks, d, i, CLAUSE_END);
      if (toks.slice(i, end).some((x) => ["asc", "desc"].includes(lower(x)))) continue;
      yield {
        kind: "flip-sort",
        sql: render([...toks.slice(0, end), { kind: "word", text: "DESC" }, ...toks.slice(end)]),
      };
    }
  }
}

function* changeLimits(toks: Tok[]): Generator<Mutant> {
  for (const [i, t] of toks.entries()) {
    if (lower(t) !== "limit" || toks[i + 1]?.kind !== "number") continue;
    const n = Number(toks[i + 1]!.text);
    yield { kind: "change-limit", sql: replaced(toks, i + 1, String(n + 1)) };
    yield { kind: "change-limit", sql: render([...toks.slice(0, i), ...toks.slice(i + 2)]) };
  }
}

/** Drops the last item of a SELECT list that has several. */
function* dropColumns(toks: Tok[]): Generator<Mutant> {
  const d = depths(toks);
  for (const [i, t] of toks.entries()) {
    if (lower(t) !== "select") continue;
    let from = i + 1;
    while (from < toks.length && !(d[from] === d[i] && lower(toks[from]) === "from")) from++;
    const commas = toks
      .slice(i + 1, from)
      .flatMap((x, k) => (x.text === "," && d[i + 1 + k] === d[i] ? [i + 1 + k] : []));
    const last = commas.at(-1);
    if (last !== undefined)
      yield { kind: "drop-column", sql: render([...toks.slice(0, last), ...toks.slice(from)]) };
  }
}

/** In `ON a.x = b.y`, joins on another column seen in the query for one side (a wrong join key). */
function* swapJoinKeys(toks: Tok[]): Generator<Mutant> {
  for (const [i, t] of toks.entries()) {
    if (lower(t) !== "on" || toks[i + 4]?.text !== "=" || toks[i + 2]?.text !== ".") continue;
    const alias = toks[i + 1]!.text;
    const column = lower(toks[i + 3]);
    const other = toks.find(
      (x, k) =>
        toks[k - 1]?.text === "." &&
        lower(toks[k - 2]) === alias.toLowerCase() &&
        x.kind === "word" &&
        lower(x) !== column,
    );
    if (other) yield { kind: "swap-join-key", sql: replaced(toks, i + 3, other.text) };
  }
}

const OPERATORS = [
  flipComparisons,
  flipConnectives,
  dropConditions,
  changeAggregates,
  flipSorts,
  changeLimits,
  dropColumns,
  swapJoinKeys,
];

/** Mutants of a SQL, distinct after normalization and different from it, at most `max`, in operator order. */
export function generateMutants(sql: string, max = 24): Mutant[] {
  const toks = tokenizeSql(sql) as Tok[];
  const seen = new Set([normalizeSql(sql)]);
  const mutants: Mutant[] = [];
  for (const operator of OPERATORS) {
    for (const mutant of operator(toks)) {
      const key = normalizeSql(mutant.sql);
      if (seen.has(key)) continue;
      seen.add(key);
      mutants.push(mutant);
      if (mutants.length >= max) return mutants;
    }
  }
  return mutants;
}
