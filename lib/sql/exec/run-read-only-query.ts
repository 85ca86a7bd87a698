// Runs one guarded, read-only query on an open database, within row and byte caps.
// Used inside the execution child process; the caller owns the connection. A query that went past
// the process's memory or temporary-disk cap comes back as kind "limit", in words.
import type Database from "better-sqlite3";
import { prepareWithDoubleQuotedStrings } from "@/lib/sql/exec/double-quoted-strings";
import { limitFailure } from "@/lib/sql/exec/exec-limits";
import { assertReadOnlySql, SqlRefusedError } from "@/lib/sql/exec/read-only-guard";
import type { ExecResult, ResourceCaps } from "@/lib/sql/exec/exec-types";

function approximateBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === "string") return value.length * 2 + 2;
  if (value instanceof Uint8Array) return value.length;
  return 8;
}

export function runReadOnlyQuery(db: Database.Database, sql: string, maxRows: number, maxBytes: number, caps: ResourceCaps): ExecResult {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
  try {
    assertReadOnlySql(sql);
    const stmt = prepareWithDoubleQuotedStrings(db, sql);
    if (!stmt.readonly) throw new SqlRefusedError("The statement would change the database; only queries that read can run.");
    if (!stmt.reader) throw new SqlRefusedError("The statement returns no rows; only queries that read can run.");
    const columns = stmt.columns().map((c) => c.name);
    const rows: unknown[][] = [];
    let bytes = 0;
    let truncated = false;
    for (const row of stmt.raw(true).iterate() as IterableIterator<unknown[]>) {
      bytes += row.reduce((sum: number, v) => sum + approximateBytes(v), 0);
      if (rows.length >= maxRows || bytes > maxBytes) {
        truncated = true;
        break;
      }
      rows.push(row);
    }
    return { ok: true, columns, rows, rowCount: rows.length, truncated, elapsedMs: elapsed() };
  } catch (error) {
    const limit = limitFailure(error, caps, elapsed());
    if (limit) return limit;
    const kind = error instanceof SqlRefusedError ? "refused" : "error";
    return { ok: false, kind, message: (error as Error).message, elapsedMs: elapsed() };
  }
}
