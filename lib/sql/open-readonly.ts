import "server-only";
import fs from "node:fs";
import Database from "better-sqlite3";

const SQLITE_HEADER = "SQLite format 3\u0000";

/** True when the file starts with the SQLite header. Cheap check before opening. */
export function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(16);
    const read = fs.readSync(fd, buf, 0, 16, 0);
    return read === 16 && buf.toString("latin1") === SQLITE_HEADER;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens a target database read-only: the file must exist, writes are refused by SQLite itself,
 * and `query_only` also blocks writes through any attached path.
 */
export function openReadonly(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma("query_only = ON");
  return db;
}
