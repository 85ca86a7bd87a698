// Runs one guarded, read-only query on an open database, within row and byte caps.
// Used inside the execution child process; the caller owns the connection. A query that went past
// the process's memory or temporary-disk cap comes back as kind "limit", in words.
import type Database from "better-sqlite3";
import { prepareWithDoubleQuotedStrings } from "@/lib/sql/exec/double-quoted-strings";
import { limitFailure } from "@/lib/sql/exec/exec-limits";
import { assertAllowedSql, assertReadStatement, SqlRefusedError } from "@/lib/sql/exec/read-only-guard";
import { describeSyntaxError, isSyntaxMessage, SqlSyntaxError } from "@/lib/sql/exec/syntax-error";
import type { ExecResult, ResourceCaps } from "@/lib/sql/exec/exec-types";

function approximateBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === "string") return value.length * 2 + 2;
  if (value instanceof Uint8Array) return value.length;
  return 8;
}

export function runReadOnlyQuery(
  db: Database.Database,
  sql: string,
  maxRows: number,
  maxBytes: number,
  caps: ResourceCaps,
): ExecResult {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
  try {
    assertAllowedSql(sql);
    const stmt = prepare(db, sql);
    assertReadStatement(sql);
    if (!stmt.readonly)
      throw new SqlRefusedError("The statement would change the database; only queries that read can run.");
    if (!stmt.reader)
      throw new SqlRefusedError("The statement returns no rows; only queries that read can run.");
    const columns = stmt.columns().map((c) => c.name);
    const rows: unknown[][] = [];
    let bytes = 0;
    let truncatedBy: "rows" | "bytes" | undefined;
    for (const row of stmt.raw(true).iterate() as IterableIterator<unknown[]>) {
      bytes += row.reduce((sum: number, v) => sum + approximateBytes(v), 0);
      truncatedBy = rows.length >= maxRows ? "rows" : bytes > maxBytes ? "bytes" : undefined;
      if (truncatedBy) break;
      rows.push(row);
    }
    const truncation = truncatedBy ? { truncatedBy, maxRows, maxBytes } : {};
    return {
      ok: true,
      columns,
      rows,
      rowCount: rows.length,
      truncated: !!truncatedBy,
      ...truncation,
      elapsedMs: elapsed(),
    };
  } catch (error) {
    const limit = limitFailure(error, caps, elapsed());
    if (limit) return limit;
    const kind =
      error instanceof SqlRefusedError ? "refused" : error instanceof SqlSyntaxError ? "syntax" : "error";
    return { ok: false, kind, message: (error as Error).message, elapsedMs: elapsed() };
  }
}

/**
 * Prepares `sql`; a statement that does not parse is a syntax error with SQLite's message and its
 * place, one that parses but does not read is refused, before any other error of its preparation.
 */
function prepare(db: Database.Database, sql: string): Database.Statement {
  try {
    return prepareWithDoubleQuotedStrings(db, sql);
  } catch (error) {
    const message = (error as Error).message;
    if (isSyntaxMessage(message)) throw new SqlSyntaxError(describeSyntaxError(db, sql, message));
    assertReadStatement(sql);
    throw error;
  }
}
