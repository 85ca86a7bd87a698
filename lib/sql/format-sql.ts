// Formats SQL for reading: each main clause on its own line, subqueries indented. Tokens come from
// the project's tokenizer, so literals and quoted names are kept exactly; comments are dropped.
import { tokenizeSql, type SqlToken } from "@/lib/sql/sql-tokens";

const CLAUSES = new Set(["select", "from", "where", "group", "order", "having", "limit", "union", "intersect", "except", "join", "left", "right", "inner", "cross", "full", "with"]);
const JOIN_PREFIX = new Set(["left", "right", "inner", "cross", "full", "natural"]);
const NO_SPACE_BEFORE = new Set([",", ")", ".", ";"]);
const NO_SPACE_AFTER = new Set(["(", "."]);
const SET_OPERATORS = new Set(["union", "all", "intersect", "except"]);

const lower = (t: SqlToken | undefined) => (t?.kind === "word" ? t.text.toLowerCase() : "");

export function formatSql(sql: string): string {
  const tokens = tokenizeSql(sql);
  if (!tokens.length) return sql.trim();
  let out = "";
  let depth = 0;
  const parens: boolean[] = []; // per open parenthesis: does it hold a subquery?
  tokens.forEach((t, i) => {
    const word = lower(t);
    const prev = tokens[i - 1];
    const startsClause =
      CLAUSES.has(word) &&
      i > 0 &&
      !(word === "join" && JOIN_PREFIX.has(lower(prev))) && // LEFT JOIN stays together
      !(JOIN_PREFIX.has(word) && lower(prev) === "natural") &&
      !(word === "select" && (prev?.text === "(" || SET_OPERATORS.has(lower(prev)))); // (SELECT …, UNION SELECT
    const call = t.text === "(" && prev?.kind === "word" && !isKeyword(lower(prev)); // count(*), substr(…)
    if (t.text === "(") parens.push(lower(tokens[i + 1]) === "select" || lower(tokens[i + 1]) === "with");
    if (startsClause) out += `\n${"  ".repeat(depth)}`;
    else if (out && !call && !NO_SPACE_BEFORE.has(t.text) && !NO_SPACE_AFTER.has(prev?.text ?? "")) out += " ";
    if (t.text === ")") {
      if (parens.pop()) depth = Math.max(0, depth - 1);
    }
    out += t.kind === "word" && isKeyword(word) ? t.text.toUpperCase() : t.text;
    if (t.text === "(" && parens.at(-1)) depth++;
  });
  return out.trim();
}

const KEYWORDS = new Set([
  "select", "from", "where", "group", "by", "order", "having", "limit", "offset", "union", "all", "intersect", "except", "join", "left", "right", "inner", "outer",
  "cross", "full", "natural", "on", "using", "as", "and", "or", "not", "in", "is", "null", "like", "glob", "between", "exists", "case", "when", "then", "else", "end",
  "distinct", "asc", "desc", "with", "recursive", "values", "cast",
]);
const isKeyword = (word: string) => KEYWORDS.has(word);
