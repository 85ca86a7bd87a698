// What one CREATE TABLE statement of a model-written script declares: its column count and its
// first generated column (GENERATED ALWAYS AS (…) or the short `AS (…)`), read from its tokens.
import type { SqlToken } from "@/lib/sql/sql-tokens";

const TABLE_CONSTRAINTS = new Set(["constraint", "primary", "foreign", "unique", "check"]);

export type TableShape = { columns: number; generated: string | null };

/** Column definitions are the comma-separated parts at depth 1 of the first parenthesis; table constraints do not count. */
export function tableShape(tokens: SqlToken[]): TableShape {
  let depth = 0;
  let part: SqlToken[] = [];
  let columns = 0;
  let generated: string | null = null;
  const closePart = () => {
    const [first, ...rest] = part;
    part = [];
    if (!first || (first.kind === "word" && TABLE_CONSTRAINTS.has(first.text.toLowerCase()))) return;
    columns++;
    // a column whose definition holds AS outside its own parentheses is computed: `x AS (…)`, `x GENERATED ALWAYS AS (…)`
    if (generated === null && rest.some((t) => t.kind === "word" && t.text.toLowerCase() === "as"))
      generated = first.text;
  };
  for (const token of tokens) {
    if (token.kind === "symbol" && token.text === "(") {
      if (depth++ === 0) continue;
    } else if (token.kind === "symbol" && token.text === ")") {
      if (--depth === 0) {
        closePart();
        break;
      }
    } else if (depth === 1 && token.kind === "symbol" && token.text === ",") {
      closePart();
      continue;
    }
    if (depth === 1) part.push(token); // what nested parentheses hold (types' sizes, CHECK, DEFAULT (…)) is not looked at
  }
  return { columns, generated };
}
