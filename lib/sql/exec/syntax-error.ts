// A statement SQLite cannot parse, reported as a syntax error with SQLite's own message and where in
// the text it is (line and column, 1-based). better-sqlite3 does not expose sqlite3_error_offset, so
// the place is found from the token SQLite names: the first occurrence of it that the text before
// cannot be followed by (SQLite's parser stops at the first token it cannot take).
import type Database from "better-sqlite3";
import { tokenizeSql } from "@/lib/sql/sql-tokens";

const NEAR = /^near "(.*)": syntax error$/s;
const UNRECOGNIZED = /^unrecognized token: "(.*)"$/s;

export class SqlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlSyntaxError";
  }
}

/** Whether SQLite's error is about the text not parsing (not about names, types or limits). */
export function isSyntaxMessage(message: string): boolean {
  return NEAR.test(message) || UNRECOGNIZED.test(message) || message === "incomplete input";
}

/** Line and column (1-based) of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Whether `prefix` can be the start of a statement: it parses, or SQLite wants more of it. */
function isValidPrefix(db: Database.Database, prefix: string): boolean {
  try {
    db.prepare(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    return !NEAR.test(message) && !UNRECOGNIZED.test(message);
  }
}

/** Offset in `sql` of the place SQLite's syntax error `message` is about. */
export function syntaxErrorOffset(db: Database.Database, sql: string, message: string): number {
  if (message === "incomplete input") return sql.trimEnd().length;
  const unrecognized = UNRECOGNIZED.exec(message)?.[1];
  if (unrecognized !== undefined) return Math.max(0, sql.indexOf(unrecognized));
  const near = NEAR.exec(message)?.[1];
  const candidates = tokenizeSql(sql).filter((t) => t.text === near);
  const failing = candidates.find((t) => !isValidPrefix(db, sql.slice(0, t.pos + t.text.length)));
  return (failing ?? candidates[0])?.pos ?? 0;
}

/** SQLite's message with the line and column it is about: `near "SELEC": syntax error (line 1, column 1)`. */
export function describeSyntaxError(db: Database.Database, sql: string, message: string): string {
  const { line, column } = lineAndColumn(sql, syntaxErrorOffset(db, sql, message));
  return `${message} (line ${line}, column ${column})`;
}
