import type { DegenerateFlag } from "@/lib/sql/label-checks/label-flags";
import { tokenizeSql, type SqlToken } from "@/lib/sql/sql-tokens";

// Words of a select list that are neither a column nor a function.
const CONSTANT_WORDS = new Set([
  "as",
  "null",
  "true",
  "false",
  "case",
  "when",
  "then",
  "else",
  "end",
  "and",
  "or",
  "not",
  "is",
  "distinct",
  "all",
]);

/** The tokens of the outermost query's select list (between its first SELECT and the FROM at the same depth). */
function selectList(tokens: SqlToken[]): SqlToken[] {
  const start = tokens.findIndex((t) => t.kind === "word" && t.text.toLowerCase() === "select");
  if (start < 0) return [];
  let depth = 0;
  const list: SqlToken[] = [];
  for (const t of tokens.slice(start + 1)) {
    if (t.text === "(") depth++;
    if (t.text === ")") depth--;
    if (
      depth === 0 &&
      t.kind === "word" &&
      ["from", "where", "group", "order", "limit"].includes(t.text.toLowerCase())
    )
      break;
    list.push(t);
  }
  return list;
}

/** A select list made of literals only (aliases aside): no column, no `*`, no function call. */
function constantsOnly(list: SqlToken[]): boolean {
  if (!list.length) return false;
  return list.every((t, i) => {
    if (t.kind === "string" || t.kind === "number") return true;
    if (t.kind === "symbol") return t.text !== "*";
    const previous = list[i - 1];
    if (previous?.kind === "word" && previous.text.toLowerCase() === "as") return true; // an alias
    if (t.kind === "quoted") return false;
    return CONSTANT_WORDS.has(t.text.toLowerCase()) && list[i + 1]?.text !== "(";
  });
}

const COMPOUND = new Set(["with", "union", "intersect", "except"]);

/**
 * Why an answer says nothing about its question, judged from its text: it reads nothing (no FROM
 * anywhere, e.g. `SELECT '26815c' AS unknown`), or, a plain query (no WITH, no UNION and the
 * like), it selects only constants (its result depends on nothing but the number of rows). Empty
 * otherwise. The database's tables are not needed (a view, or a schema not stored, is no reason).
 */
export function degenerateFlags(sql: string): DegenerateFlag[] {
  const tokens = tokenizeSql(sql);
  const words = new Set(tokens.filter((t) => t.kind === "word").map((t) => t.text.toLowerCase()));
  if (!words.has("select")) return [];
  if (!words.has("from")) return ["reads_no_table"];
  if ([...COMPOUND].some((w) => words.has(w))) return [];
  return constantsOnly(selectList(tokens)) ? ["constants_only"] : [];
}
