// SQL normalization for cache keys and dedup: the same query gives the same key however it was
// typed. Tokens are joined by single spaces; keywords and bare identifiers are lower-cased;
// string literals and quoted identifiers are kept exactly; comments and trailing ";" are dropped.
import { tokenizeSql, type SqlToken } from "@/lib/sql/sql-tokens";

export { tokenizeSql, type SqlToken } from "@/lib/sql/sql-tokens";

const codeText = (t: SqlToken) => (t.kind === "word" || t.kind === "number" ? t.text.toLowerCase() : t.text);

/** Lower-cases code, collapses white space, drops comments and a trailing semicolon; literals stay exact. */
export function normalizeSql(sql: string): string {
  return tokenizeSql(sql).map(codeText).join(" ");
}

const COMPARISONS = new Set(["=", "==", "!=", "<>", "<", ">", "<=", ">=", "||", "+", "-", "*", "/", "%"]);
const VALUE_WORDS = new Set(["like", "glob", "between", "is", "then", "else", "when", "escape"]);

/**
 * Whether a double-quoted token stands where a value goes. SQLite (and Spider's gold SQL) use
 * "…" for string values as well as for identifiers: it is a value after an operator, after
 * LIKE/BETWEEN/…, after BETWEEN's AND, and inside an IN (…) list.
 */
function inValuePosition(toks: SqlToken[], i: number, inList: boolean): boolean {
  const prev = toks[i - 1];
  if (!prev) return false;
  const p = prev.text.toLowerCase();
  if (prev.kind === "symbol" && COMPARISONS.has(p)) return true;
  if (prev.kind === "word" && VALUE_WORDS.has(p)) return true;
  if (prev.kind === "word" && p === "and") {
    const before = toks[i - 3];
    return before?.kind === "word" && before.text.toLowerCase() === "between";
  }
  return inList && (p === "(" || p === ",");
}

/** Like normalizeSql, with every string and number literal replaced by "?" (a query template). */
export function sqlTemplate(sql: string): string {
  const toks = tokenizeSql(sql);
  const out: string[] = [];
  const lists: boolean[] = []; // per open parenthesis: is it an IN (…) list?
  toks.forEach((t, i) => {
    const prev = toks[i - 1];
    if (t.text === "(") lists.push(prev?.kind === "word" && prev.text.toLowerCase() === "in");
    if (t.text === ")") lists.pop();
    const literal =
      t.kind === "string" ||
      t.kind === "number" ||
      (t.kind === "quoted" && t.text.startsWith('"') && inValuePosition(toks, i, lists.at(-1) ?? false));
    if (!literal) {
      out.push(codeText(t));
      return;
    }
    // a sign directly before a literal, where no operand precedes it, belongs to the literal
    const beforeSign = toks[i - 2];
    const unaryPosition =
      !beforeSign ||
      (beforeSign.kind === "symbol" && beforeSign.text !== ")") ||
      (beforeSign.kind === "word" && !isOperandWord(beforeSign));
    const signed = (prev?.text === "-" || prev?.text === "+") && unaryPosition;
    if (signed) out.pop();
    out.push("?");
  });
  return out.join(" ");
}

const OPERATOR_WORDS = new Set([
  "select",
  "where",
  "and",
  "or",
  "not",
  "by",
  "between",
  "like",
  "in",
  "is",
  "then",
  "else",
  "when",
  "limit",
  "offset",
  "having",
  "on",
  "return",
  "case",
  "distinct",
]);

/** A word that can end an operand (an identifier), as opposed to a keyword that expects one. */
function isOperandWord(t: SqlToken): boolean {
  return !OPERATOR_WORDS.has(t.text.toLowerCase());
}
