import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { env } from "@/lib/env";

const SQLITE_HEADER = "SQLite format 3\u0000";

/** The first 100 bytes of the file (the SQLite header), or fewer when the file is shorter. */
function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(100);
    return buf.subarray(0, fs.readSync(fd, buf, 0, 100, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** True when the file starts with the SQLite header. Cheap check before opening. */
export function hasSqliteHeader(file: string): boolean {
  const header = readHeader(file);
  return header.length >= 16 && header.subarray(0, 16).toString("latin1") === SQLITE_HEADER;
}

/** True when the header says WAL mode (read/write versions 2): reading such a file writes `-shm` and `-wal` beside it. */
export function isWalMode(file: string): boolean {
  const header = readHeader(file);
  return header.length >= 20 && (header[18] === 2 || header[19] === 2);
}

const insideDataDir = (file: string) => !path.relative(env.databasesDir, path.resolve(file)).startsWith("..");

/**
 * Opens a target database read-only: the file must exist, writes are refused by SQLite itself,
 * and `query_only` also blocks writes through any attached path. Nothing is ever written beside the
 * file: registered copies are rollback-journal files (see copyDatabaseFile), and a WAL-mode file
 * elsewhere is refused (SQLite would create its -shm and -wal; the bundled driver cannot open a
 * file as immutable). A WAL-mode copy registered before copies were converted is still read.
 */
export function openReadonly(file: string): Database.Database {
  if (fs.existsSync(file) && !insideDataDir(file) && isWalMode(file)) {
    const name = path.basename(file);
    throw new Error(
      `${name} is in WAL mode: reading it in place would create ${name}-shm and ${name}-wal beside it. Register it (the copy is converted), or convert it first: sqlite3 ${file} "PRAGMA journal_mode=DELETE".`,
    );
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma("query_only = ON");
  return db;
}
