// Refuses, before execution, any SQL that is not a single statement that only reads.
// The connection is read-only as well (a second wall); this gives the clear message.
import { tokenizeSql } from "@/lib/sql/sql-tokens";

export class SqlRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlRefusedError";
  }
}

const FORBIDDEN_WORDS = new Map([
  ["attach", "ATTACH is not allowed"],
  ["detach", "DETACH is not allowed"],
  ["pragma", "PRAGMA statements are not allowed"],
  ["load_extension", "load_extension is not allowed"],
]);

// Table-valued pragmas that show where database files are on the server (`main.file`, its path).
const SHOWS_SERVER_PATHS = new Set(["pragma_database_list"]);

/** A word or quoted identifier as SQLite reads it: "x", `x` and [x] all name x. */
function nameOf(token: { kind: string; text: string }): string | undefined {
  if (token.kind === "word") return token.text;
  if (token.kind !== "quoted") return undefined;
  const close = token.text[0] === "[" ? "]" : token.text[0]!;
  return token.text.slice(1, token.text.endsWith(close) ? -1 : undefined).replaceAll(close + close, close);
}

/**
 * Throws SqlRefusedError unless `sql` is one statement that names nothing the sandbox forbids. Safe
 * to check before preparing: preparing such a statement on the read-only connection writes nothing.
 */
export function assertAllowedSql(sql: string): void {
  // comments and quoted text are single tokens; trailing semicolons are already dropped
  const tokens = tokenizeSql(sql);
  if (!tokens.length) throw new SqlRefusedError("The SQL is empty.");
  if (tokens.some((t) => t.kind === "symbol" && t.text === ";"))
    throw new SqlRefusedError("Only one statement can run at a time.");
  for (const t of tokens) {
    const reason = t.kind === "word" ? FORBIDDEN_WORDS.get(t.text.toLowerCase()) : undefined;
    if (reason) throw new SqlRefusedError(`${reason}: only queries that read can run.`);
    const name = nameOf(t);
    if (name && SHOWS_SERVER_PATHS.has(name.toLowerCase())) {
      throw new SqlRefusedError(
        `${name} is not allowed: it shows where database files are stored on the server.`,
      );
    }
  }
}

/** Throws SqlRefusedError unless `sql` starts as a query that reads (SELECT, WITH or VALUES). */
export function assertReadStatement(sql: string): void {
  const first = tokenizeSql(sql).find((t) => t.text !== "(");
  const word = first?.kind === "word" ? first.text.toLowerCase() : undefined;
  if (word !== "select" && word !== "with" && word !== "values") {
    throw new SqlRefusedError(
      `Only queries that read can run (SELECT or WITH); this statement starts with ${word?.toUpperCase() ?? "something else"}.`,
    );
  }
}
