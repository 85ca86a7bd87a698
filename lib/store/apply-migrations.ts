import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** A migration that cannot be applied, or a history that does not match the files. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

// Prisma's own bookkeeping table (same DDL as its SQLite connector), so a networked machine can
// carry on with `prisma migrate`.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

type Migration = { name: string; sql: string; checksum: string };
type Row = {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
};

const sha256 = (text: string | Buffer) => crypto.createHash("sha256").update(text).digest("hex");
// Prisma also accepts the checksum of the script with CRLF turned into LF (checkouts on Windows).
const matches = (m: Migration, checksum: string) =>
  checksum === m.checksum || checksum === sha256(m.sql.replace(/\r\n/g, "\n"));
// Prisma writes RFC 3339 timestamps with an explicit offset.
const now = () => new Date().toISOString().replace("Z", "+00:00");

/**
 * Applies the migrations in `migrationsDir` (Prisma layout: <timestamp>_<name>/migration.sql) that the
 * store has not applied yet, in name order, each in its own transaction. Refuses to go on when an
 * applied migration's file changed or an earlier attempt failed. Safe to run from several processes.
 */
export function applyMigrations(
  dbFile: string,
  migrationsDir: string,
): { applied: string[]; alreadyApplied: number } {
  const migrations = readMigrations(migrationsDir);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const db = new Database(dbFile, { timeout: 15_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.exec(BOOKKEEPING);
    const rows = db
      .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)
      .all() as Row[];
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} failed in an earlier attempt; repair the store, then mark it resolved ` +
          `(\`prisma migrate resolve\`, or set its rolled_back_at in _prisma_migrations).`,
      );
    }
    const applied: string[] = [];
    let alreadyApplied = 0;
    for (const m of migrations) {
      const done = rows.find((r) => r.migration_name === m.name && r.rolled_back_at === null);
      if (done) {
        checkUnchanged(m, done.checksum);
        alreadyApplied++;
      } else if (applyOne(db, m)) applied.push(m.name);
      else alreadyApplied++;
    }
    return { applied, alreadyApplied };
  } finally {
    db.close();
  }
}

function readMigrations(dir: string): Migration[] {
  if (!fs.existsSync(dir)) throw new MigrationError(`Migrations folder not found: ${dir}`);
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return names.map((name) => {
    const file = path.join(dir, name, "migration.sql");
    if (!fs.existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql (${file}).`);
    const bytes = fs.readFileSync(file);
    return { name, sql: bytes.toString("utf8"), checksum: sha256(bytes) };
  });
}

function checkUnchanged(m: Migration, checksum: string): void {
  if (!matches(m, checksum))
    throw new MigrationError(`Migration ${m.name} was changed after it was applied (checksum differs).`);
}

/**
 * Runs one migration in an IMMEDIATE transaction (so a concurrent start waits, then finds it recorded).
 * Foreign keys are off meanwhile: Prisma's SQLite migrations rebuild tables (DROP + RENAME), and the
 * `PRAGMA foreign_keys=OFF` inside them is a no-op within a transaction, so with them on dropping a
 * parent table would cascade-delete its children's rows. The keys are checked before committing.
 * Returns false when another process applied the migration first.
 */
function applyOne(db: Database.Database, m: Migration): boolean {
  const started = now();
  const run = db.transaction((): boolean => {
    const row = db
      .prepare(
        `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = ? AND rolled_back_at IS NULL AND finished_at IS NOT NULL`,
      )
      .get(m.name) as { checksum: string } | undefined;
    if (row) {
      checkUnchanged(m, row.checksum);
      return false;
    }
    db.exec(m.sql);
    const violations = db.pragma("foreign_key_check") as { table: string; parent: string }[];
    const [first] = violations;
    if (first)
      throw new Error(
        `${violations.length} row(s) break foreign keys, e.g. ${first.table} -> ${first.parent}`,
      );
    db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
    ).run(crypto.randomUUID(), m.checksum, now(), m.name, started);
    return true;
  });
  db.pragma("foreign_keys = OFF");
  try {
    return run.immediate();
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    throw new MigrationError(
      `Migration ${m.name} could not be applied, nothing of it was kept: ${(error as Error).message}`,
    );
  } finally {
    db.pragma("foreign_keys = ON");
  }
}
