// SQLite's legacy rule: a double-quoted token that names no column is a string literal. Python's
// sqlite3 (which the official Spider/BIRD evaluators use) keeps that rule on; better-sqlite3 is
// built without it (SQLITE_DQS=0), so gold SQL like `WHERE airline = "JetBlue Airways"` fails.
// We emulate the rule exactly where SQLite would apply it: when preparing reports such a token.
import type Database from "better-sqlite3";

const NOT_A_COLUMN = /^no such column: "((?:[^"]|"")*)" - should this be a string literal in single-quotes\?/;
const MAX_REWRITES = 20;

/** Prepares `sql`, turning double-quoted tokens that SQLite cannot resolve into string literals. */
export function prepareWithDoubleQuotedStrings(db: Database.Database, sql: string): Database.Statement {
  let text = sql;
  for (let attempt = 0; ; attempt++) {
    try {
      return db.prepare(text);
    } catch (error) {
      const token = NOT_A_COLUMN.exec((error as Error).message)?.[1];
      if (token === undefined || attempt >= MAX_REWRITES) throw error;
      const quoted = `"${token}"`;
      const literal = `'${token.replaceAll('""', '"').replaceAll("'", "''")}'`;
      const next = text.replaceAll(quoted, literal);
      if (next === text) throw error;
      text = next;
    }
  }
}
