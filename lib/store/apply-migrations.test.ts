import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError } from "@/lib/store/apply-migrations";

const migrationsDir = path.resolve(__dirname, "..", "..", "prisma", "migrations");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-"));
const tempDir = () => fs.mkdtempSync(path.join(root, "t-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
const tables = (file: string) =>
  query<{ name: string }>(file, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").map(
    (r) => r.name,
  );

/** A copy of the project's migrations, plus extra ones (name -> SQL). */
function migrations(extra: Record<string, string> = {}): string {
  const dir = path.join(tempDir(), "migrations");
  fs.cpSync(migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

function expectMigrationError(run: () => unknown, message: string | RegExp): void {
  expect(run).toThrow(MigrationError);
  expect(run).toThrow(message);
}

describe("applyMigrations", () => {
  it("creates the store on a fresh file (folder included) with Prisma's bookkeeping; a second run applies nothing", () => {
    const file = path.join(tempDir(), "nested", "store.db");
    const first = applyMigrations(file, migrationsDir);
    expect(first.applied).toEqual(
      fs
        .readdirSync(migrationsDir)
        .filter((n) => n !== "migration_lock.toml")
        .sort(),
    );
    expect(first.alreadyApplied).toBe(0);
    expect(tables(file)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "tasks", "target_databases", "review_actions"]),
    );
    expect(
      query(file, "SELECT name FROM pragma_table_info('_prisma_migrations')").map(
        (r) => (r as { name: string }).name,
      ),
    ).toEqual([
      "id",
      "checksum",
      "finished_at",
      "migration_name",
      "logs",
      "rolled_back_at",
      "started_at",
      "applied_steps_count",
    ]);
    const [row] = query<{ checksum: string; finished_at: string }>(
      file,
      `SELECT * FROM "_prisma_migrations"`,
    );
    expect(row?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.finished_at).not.toBeNull();
    expect(query<{ journal_mode: string }>(file, "PRAGMA journal_mode")[0]?.journal_mode).toBe("wal");

    expect(applyMigrations(file, migrationsDir)).toEqual({
      applied: [],
      alreadyApplied: first.applied.length,
    });
  });

  it("refuses a migration changed after it was applied, naming it (a CRLF checkout is not a change)", () => {
    const dir = migrations();
    const file = path.join(tempDir(), "store.db");
    const [name] = applyMigrations(file, dir).applied;
    const sqlFile = path.join(dir, name!, "migration.sql");
    const original = fs.readFileSync(sqlFile, "utf8");
    fs.writeFileSync(sqlFile, original.replace(/\n/g, "\r\n"));
    expect(applyMigrations(file, dir).applied).toEqual([]);
    fs.writeFileSync(sqlFile, `${original}\n-- edited\n`);
    expectMigrationError(
      () => applyMigrations(file, dir),
      `Migration ${name} was changed after it was applied (checksum differs).`,
    );
  });

  it("applies a bad migration not at all, records nothing and says which one failed, every time", () => {
    const dir = migrations({
      "29990101000000_broken":
        'CREATE TABLE "half_done" (id INTEGER);\nALTER TABLE "no_such_table" ADD COLUMN x TEXT;',
    });
    const file = path.join(tempDir(), "store.db");
    const expected =
      /^Migration 29990101000000_broken could not be applied, nothing of it was kept: no such table: no_such_table/;
    expectMigrationError(() => applyMigrations(file, dir), expected);
    expect(tables(file)).toContain("tasks"); // the good migrations before it stay applied
    expect(tables(file)).not.toContain("half_done");
    expect(query(file, `SELECT * FROM "_prisma_migrations" WHERE migration_name LIKE '%broken'`)).toEqual([]);
    expectMigrationError(() => applyMigrations(file, dir), expected);
  });

  it("refuses to go on after a failed attempt recorded by Prisma, naming it", () => {
    const file = path.join(tempDir(), "store.db");
    applyMigrations(file, migrationsDir);
    const db = new Database(file);
    db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs) VALUES ('x', 'abc', '29990101000000_half', 'boom')`,
    ).run();
    db.close();
    expectMigrationError(
      () => applyMigrations(file, migrationsDir),
      /^Migration 29990101000000_half failed in an earlier attempt/,
    );
  });

  it("rebuilds a parent table the way Prisma does without cascading deletes to its children", () => {
    // Prisma's SQLite migrations redefine tables (create new, copy, drop old, rename); their own
    // `PRAGMA foreign_keys=OFF` is a no-op inside the applier's transaction.
    const file = path.join(tempDir(), "store.db");
    applyMigrations(file, migrationsDir);
    const [table] = query<{ sql: string }>(
      file,
      "SELECT sql FROM sqlite_schema WHERE name = 'target_databases'",
    );
    const redefine = `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
${table!.sql.replace('"target_databases"', '"new_target_databases"')};
INSERT INTO "new_target_databases" SELECT * FROM "target_databases";
DROP TABLE "target_databases";
ALTER TABLE "new_target_databases" RENAME TO "target_databases";
CREATE UNIQUE INDEX "target_databases_name_key" ON "target_databases"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`;
    const db = new Database(file);
    db.exec(`INSERT INTO target_databases (id, name, source, file_status, updated_at) VALUES ('d1', 'db1', 'demo', 'ok', 0);
      INSERT INTO tasks (id, database_id, question, gold_sql, split, origin, source_ref) VALUES ('t1', 'd1', 'q', 'SELECT 1', 'dev', 'demo', 'r1');`);
    db.close();
    expect(applyMigrations(file, migrations({ "29990101000000_redefine": redefine })).applied).toEqual([
      "29990101000000_redefine",
    ]);
    expect(query(file, "SELECT id FROM tasks")).toEqual([{ id: "t1" }]);

    // ...and a migration that leaves rows pointing nowhere is refused before it commits.
    const orphan = `DELETE FROM "target_databases";`;
    expectMigrationError(
      () =>
        applyMigrations(
          file,
          migrations({ "29990101000000_redefine": redefine, "29990102000000_orphan": orphan }),
        ),
      /^Migration 29990102000000_orphan could not be applied, nothing of it was kept: 1 row\(s\) break foreign keys/,
    );
    expect(query(file, "SELECT id FROM target_databases")).toEqual([{ id: "d1" }]);
  });
});
