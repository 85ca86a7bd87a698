// Reads the parts of a Spider-style SELECT that the official hardness rules count, in the shape
// of the official parser's output (select units, table units, condition lists with and/or, ...).
import { tokenizeSql } from "@/lib/sql/normalize-sql";

export class SqlParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlParseError";
  }
}

const AGGREGATES = new Set(["max", "min", "count", "sum", "avg"]);
const CLAUSES = new Set(["select", "from", "where", "group", "order", "limit", "having", "intersect", "union", "except"]);
const IUE = new Set(["intersect", "union", "except"]);

/** One condition: whether NOT was written, whether it is LIKE, how many subqueries are its values. */
export type Condition = { not: boolean; like: boolean; nested: number };
/** Conditions with their connectors, as the official parser lists them: [cond, "and", cond, ...]. */
export type ConditionList = (Condition | "and" | "or")[];

export type SqlShape = {
  selectAggs: boolean[]; // per select item: starts with an aggregate
  tableUnits: number;
  fromConds: ConditionList;
  where: ConditionList;
  groupBy: boolean[]; // per column: aggregated
  orderByAggs: number; // aggregates in ORDER BY value units
  hasOrderBy: boolean;
  having: ConditionList;
  hasLimit: boolean;
  iue: boolean; // followed by INTERSECT / UNION / EXCEPT
};

type Tok = string; // lower-cased code tokens; literals kept as written

/** Splits tokens at depth 0 wherever `isCut` says, returning the pieces (cuts excluded). */
function splitTop(toks: Tok[], isCut: (t: Tok, i: number) => boolean): Tok[][] {
  const parts: Tok[][] = [[]];
  let depth = 0;
  toks.forEach((t, i) => {
    if (t === "(") depth++;
    if (t === ")") depth--;
    if (depth === 0 && isCut(t, i)) parts.push([]);
    else parts.at(-1)!.push(t);
  });
  return parts.filter((p) => p.length);
}

function startsWithAgg(part: Tok[]): boolean {
  return AGGREGATES.has(part[0] ?? "") && part[1] === "(";
}

/** Subqueries directly inside a piece: "( select" at the piece's own parenthesis level + 1. */
function directSubqueries(part: Tok[]): number {
  let depth = 0;
  let count = 0;
  part.forEach((t, i) => {
    if (t === "(") {
      depth++;
      if (depth === 1 && part[i + 1] === "select") count++;
    } else if (t === ")") depth--;
  });
  return count;
}

function parseConditions(toks: Tok[]): ConditionList {
  const list: ConditionList = [];
  let current: Tok[] = [];
  let depth = 0;
  let betweenPending = false;
  const flush = () => {
    if (!current.length) return;
    // a parenthesized group of conditions (not a subquery) is read as its conditions
    if (current[0] === "(" && current.at(-1) === ")" && current[1] !== "select" && matchingClose(current) === current.length - 1) {
      const inner = parseConditions(current.slice(1, -1));
      list.push(...inner);
    } else {
      const top = splitTop(current, () => false)[0] ?? [];
      list.push({ not: topLevel(top).includes("not"), like: topLevel(top).includes("like"), nested: directSubqueries(current) });
    }
    current = [];
  };
  for (const t of toks) {
    if (t === "(") depth++;
    if (t === ")") depth--;
    if (depth === 0 && t === "between") betweenPending = true;
    if (depth === 0 && (t === "and" || t === "or")) {
      if (t === "and" && betweenPending) {
        betweenPending = false;
        current.push(t);
        continue;
      }
      flush();
      list.push(t);
      continue;
    }
    current.push(t);
  }
  flush();
  return list;
}

function matchingClose(toks: Tok[]): number {
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i] === "(") depth++;
    if (toks[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

/** Tokens at parenthesis depth 0 only. */
function topLevel(toks: Tok[]): Tok[] {
  let depth = 0;
  return toks.filter((t) => {
    if (t === "(") depth++;
    const keep = depth === 0 && t !== ")";
    if (t === ")") depth--;
    return keep;
  });
}

/** Reads the top-level SELECT of `sql` (the left side of any INTERSECT/UNION/EXCEPT). */
export function readSqlShape(sql: string): SqlShape {
  const toks = tokenizeSql(sql).map((t) => (t.kind === "word" ? t.text.toLowerCase() : t.text));
  let start = 0;
  while (toks[start] === "(") start++;
  if (toks[start] !== "select") throw new SqlParseError("expected SELECT");
  // clause boundaries at depth 0 of this query
  const clauses = new Map<string, [number, number]>();
  let depth = 0;
  let current = "select";
  let from = start + 1;
  let end = toks.length;
  let iue = false;
  for (let i = start + 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t === "(") depth++;
    if (t === ")") depth--;
    if (depth < 0) {
      end = i;
      break;
    }
    if (depth === 0 && CLAUSES.has(t) && t !== "select") {
      clauses.set(current, [from, i]);
      if (IUE.has(t)) {
        iue = true;
        end = i;
        current = "";
        break;
      }
      current = t;
      from = i + 1 + (t === "group" || t === "order" ? 1 : 0); // skip BY
    }
  }
  if (current) clauses.set(current, [from, end]);
  const part = (name: string): Tok[] => {
    const range = clauses.get(name);
    return range ? toks.slice(range[0], range[1]) : [];
  };
  const select = part("select").filter((t, i) => !(i === 0 && (t === "distinct" || t === "all")));
  const fromToks = part("from");
  const [, ...onParts] = splitTop(fromToks, (t) => t === "on");
  const tableUnits = fromToks.length ? splitTop(fromToks, (t) => t === "join" || t === ",").length : 0;
  const joinConds = onParts.map((p) => splitTop(p, (t) => t === "join")[0] ?? []);
  const fromConds: ConditionList = [];
  for (const cond of joinConds) {
    if (fromConds.length) fromConds.push("and");
    fromConds.push(...parseConditions(cond));
  }
  const order = part("order");
  const orderItems = splitTop(order.filter((t) => t !== "asc" && t !== "desc"), (t) => t === ",");
  const orderByAggs = orderItems.reduce(
    (sum, item) => sum + splitTop(item, (t) => ["+", "-", "*", "/"].includes(t)).filter(startsWithAgg).length,
    0,
  );
  return {
    selectAggs: splitTop(select, (t) => t === ",").map((item) => AGGREGATES.has(item[0] ?? "")),
    tableUnits,
    fromConds,
    where: parseConditions(part("where")),
    groupBy: splitTop(part("group"), (t) => t === ",").map(startsWithAgg),
    orderByAggs,
    hasOrderBy: order.length > 0,
    having: parseConditions(part("having")),
    hasLimit: clauses.has("limit"),
    iue,
  };
}
