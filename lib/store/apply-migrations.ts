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

// Prisma's own bookkeeping table, so a networked machine can carry on with `prisma migrate`.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: string | null; rolled_back_at: string | null };

/**
 * Applies the migrations in `migrationsDir` (Prisma layout: <timestamp>_<name>/migration.sql) that the
 * store has not applied yet, in name order, each in its own transaction. Refuses to go on when an
 * applied migration's file changed or an earlier attempt failed.
 */
export function applyMigrations(dbFile: string, migrationsDir: string): { applied: string[]; alreadyApplied: number } {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const db = new Database(dbFile, { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.exec(BOOKKEEPING);
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as AppliedRow[];
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) throw new MigrationError(`Migration ${failed.migration_name} failed earlier; fix the store by hand before migrating again.`);
    const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const name of listMigrationFolders(migrationsDir)) {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      const known = done.get(name);
      if (known !== undefined) {
        if (known !== checksum) throw new MigrationError(`Migration ${name} was changed after it was applied (checksum differs).`);
        continue;
      }
      applyOne(db, name, sql, checksum);
      applied.push(name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    db.close();
  }
}

function listMigrationFolders(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new MigrationError(`Migrations folder not found: ${dir}`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

function applyOne(db: Database.Database, name: string, sql: string, checksum: string): void {
  const started = new Date().toISOString();
  const run = db.transaction(() => {
    db.exec(sql);
    db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
    ).run(crypto.randomUUID(), checksum, new Date().toISOString(), name, started);
  });
  try {
    run();
  } catch (error) {
    throw new MigrationError(`Migration ${name} could not be applied, nothing of it was kept: ${(error as Error).message}`);
  }
}
