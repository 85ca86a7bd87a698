import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/store/apply-migrations";
import { migrationsDir } from "@/lib/store/prepare-store";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "migrate-"));
const tables = (file: string) => {
  const db = new Database(file, { readonly: true });
  const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
  db.close();
  return names;
};

function copyMigrations(): string {
  const dir = path.join(tempDir(), "migrations");
  fs.cpSync(migrationsDir, dir, { recursive: true });
  return dir;
}

describe("applyMigrations", () => {
  it("creates the store on a fresh file and records Prisma's bookkeeping; a second run applies nothing", () => {
    const file = path.join(tempDir(), "nested", "store.db");
    const first = applyMigrations(file, migrationsDir);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(tables(file)).toEqual(expect.arrayContaining(["_prisma_migrations", "tasks", "target_databases", "review_actions"]));
    const second = applyMigrations(file, migrationsDir);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
  });

  it("refuses a migration changed after it was applied, naming it", () => {
    const dir = copyMigrations();
    const file = path.join(tempDir(), "store.db");
    const [name] = applyMigrations(file, dir).applied;
    fs.appendFileSync(path.join(dir, name!, "migration.sql"), "\n-- edited\n");
    expect(() => applyMigrations(file, dir)).toThrow(`Migration ${name} was changed after it was applied (checksum differs).`);
  });

  it("applies a bad migration not at all and says which one failed", () => {
    const dir = copyMigrations();
    const file = path.join(tempDir(), "store.db");
    applyMigrations(file, dir);
    const bad = path.join(dir, "29990101000000_broken");
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, "migration.sql"), 'CREATE TABLE "half_done" (id INTEGER);\nALTER TABLE "no_such_table" ADD COLUMN x TEXT;');
    expect(() => applyMigrations(file, dir)).toThrow(/^Migration 29990101000000_broken could not be applied, nothing of it was kept: no such table/);
    expect(tables(file)).not.toContain("half_done");
  });
});
