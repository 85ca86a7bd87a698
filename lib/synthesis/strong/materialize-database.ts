import "server-only";
import fs from "node:fs";
import Database from "better-sqlite3";

const PAGE_SIZE = 4096;
const MAX_PAGES = 16_384; // 64 MiB: a synthesized database is small

const short = (sql: string) => (sql.length > 80 ? `${sql.slice(0, 77)}…` : sql).replace(/\s+/g, " ");

/**
 * Builds a new SQLite file from checked statements (see parseDatabaseScript). Foreign keys are
 * checked once all rows are in, so the order of the INSERTs does not matter; rows that point at
 * nothing are an error, as is a statement that fails. The file is removed on failure.
 */
export function materializeDatabase(
  file: string,
  statements: string[],
): { ok: true; rows: number } | { ok: false; error: string } {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  let failed = true;
  try {
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma(`max_page_count = ${MAX_PAGES}`);
    db.pragma("foreign_keys = OFF");
    let rows = 0;
    let current = 0;
    try {
      db.transaction(() => {
        for (current = 0; current < statements.length; current++)
          rows += db.prepare(statements[current]!).run().changes;
      })();
    } catch (error) {
      return {
        ok: false,
        error: `statement ${current + 1} (${short(statements[current] ?? "")}) failed: ${(error as Error).message}`,
      };
    }
    let broken: { table: string; rowid: number; parent: string }[];
    try {
      broken = db.pragma("foreign_key_check") as typeof broken;
    } catch (error) {
      return { ok: false, error: `the foreign keys cannot be checked: ${(error as Error).message}` };
    }
    if (broken.length) {
      const first = broken[0]!;
      return {
        ok: false,
        error: `${broken.length} row(s) break foreign keys, e.g. ${first.table} row ${first.rowid} points at a missing ${first.parent} row`,
      };
    }
    if (rows === 0) return { ok: false, error: "the database holds no rows" };
    failed = false;
    return { ok: true, rows };
  } finally {
    db.close();
    if (failed) fs.rmSync(file, { force: true });
  }
}
