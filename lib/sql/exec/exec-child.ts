// The execution child process: opens target databases read-only (kept open for reuse) and runs
// one query at a time for the pool. The pool kills this process when a query runs too long.
import fs from "node:fs";
import Database from "better-sqlite3";
import { runReadOnlyQuery } from "@/lib/sql/exec/run-read-only-query";
import type { ExecRequest, ExecResponse, ExecResult } from "@/lib/sql/exec/exec-types";

const MAX_OPEN = 32;
const open = new Map<string, Database.Database>();

function connection(file: string): Database.Database {
  const cached = open.get(file);
  if (cached) {
    open.delete(file);
    open.set(file, cached); // most recently used last
    return cached;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma("query_only = ON");
  db.defaultSafeIntegers(false);
  open.set(file, db);
  if (open.size > MAX_OPEN) {
    const [oldest, oldDb] = open.entries().next().value as [string, Database.Database];
    oldDb.close();
    open.delete(oldest);
  }
  return db;
}

function execute(request: ExecRequest): ExecResult {
  if (!fs.existsSync(request.dbFile)) {
    return { ok: false, kind: "missing_database", message: `Database file not found: ${request.dbFile}`, elapsedMs: 0 };
  }
  try {
    return runReadOnlyQuery(connection(request.dbFile), request.sql, request.maxRows, request.maxBytes);
  } catch (error) {
    return { ok: false, kind: "error", message: (error as Error).message, elapsedMs: 0 };
  }
}

process.on("message", (request: ExecRequest) => {
  const response: ExecResponse = { id: request.id, result: execute(request) };
  process.send?.(response);
});
