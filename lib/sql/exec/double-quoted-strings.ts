// SQLite's legacy rule: a double-quoted token that names no column is a string literal. Python's
// sqlite3 (which the official Spider/BIRD evaluators use) keeps that rule on; better-sqlite3 is
// built without it (SQLITE_DQS=0), so gold SQL like `WHERE airline = "JetBlue Airways"` fails.
// We emulate the rule exactly where SQLite would apply it: when preparing reports such a token, that
// token (found by the tokenizer, by position: never text inside a string literal or a comment)
// becomes a string literal.
import type Database from "better-sqlite3";
import { isTerminated, tokenizeSql } from "@/lib/sql/sql-tokens";

// SQLite writes the name as it reads it (a "" inside is one "), so the name runs to the last `" - should`.
const NOT_A_COLUMN = /^no such column: "(.*)" - should this be a string literal in single-quotes\?/s;
const MAX_REWRITES = 20;

/** `sql` with every double-quoted token that names `name` written as a string literal instead. */
function asStringLiteral(sql: string, name: string): string {
  let out = "";
  let at = 0;
  for (const token of tokenizeSql(sql)) {
    if (token.kind !== "quoted" || !token.text.startsWith('"') || !isTerminated(token)) continue;
    if (token.text.slice(1, -1).replaceAll('""', '"') !== name) continue;
    out += `${sql.slice(at, token.pos)}'${name.replaceAll("'", "''")}'`;
    at = token.pos + token.text.length;
  }
  return out + sql.slice(at);
}

/** Prepares `sql`, turning double-quoted tokens that SQLite cannot resolve into string literals. */
export function prepareWithDoubleQuotedStrings(db: Database.Database, sql: string): Database.Statement {
  let text = sql;
  for (let attempt = 0; ; attempt++) {
    try {
      return db.prepare(text);
    } catch (error) {
      const name = NOT_A_COLUMN.exec((error as Error).message)?.[1];
      if (name === undefined || attempt >= MAX_REWRITES) throw error;
      const next = asStringLiteral(text, name);
      if (next === text) throw error;
      text = next;
    }
  }
}
