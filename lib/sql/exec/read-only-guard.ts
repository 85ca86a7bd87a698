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

/** Throws SqlRefusedError naming the problem unless `sql` is one SELECT/WITH/VALUES statement. */
export function assertReadOnlySql(sql: string): void {
  // comments and quoted text are single tokens; trailing semicolons are already dropped
  const tokens = tokenizeSql(sql);
  if (!tokens.length) throw new SqlRefusedError("The SQL is empty.");
  if (tokens.some((t) => t.kind === "symbol" && t.text === ";")) throw new SqlRefusedError("Only one statement can run at a time.");
  for (const t of tokens) {
    const reason = t.kind === "word" ? FORBIDDEN_WORDS.get(t.text.toLowerCase()) : undefined;
    if (reason) throw new SqlRefusedError(`${reason}: only queries that read can run.`);
  }
  const first = tokens.find((t) => t.text !== "(");
  const word = first?.kind === "word" ? first.text.toLowerCase() : undefined;
  if (word !== "select" && word !== "with" && word !== "values") {
    throw new SqlRefusedError(`Only queries that read can run (SELECT or WITH); this statement starts with ${word?.toUpperCase() ?? "something else"}.`);
  }
}
