import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/store/apply-migrations";
import { migrationsBefore, projectMigrationsDir } from "@/lib/testing/migrations-before";

// Migration 20261204184121_starter_relations rebuilds jobs, exports, import_runs and
// sign_in_lockouts to make who started (or lifted) them foreign keys to users. This fills a store
// migrated up to the previous migration, applies it and the later ones, and checks the rows, the
// unattributed rows of removed accounts, ON DELETE SET NULL, and the jobs table's trigger.
const MIGRATION = "20261204184121_starter_relations";
const root = fs.mkdtempSync(path.join(os.tmpdir(), "starter-relations-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const starters = (db: Database.Database) => ({
  jobs: db.prepare(`SELECT id, created_by_id AS who FROM jobs ORDER BY id`).all(),
  exports: db.prepare(`SELECT id, created_by_id AS who FROM exports ORDER BY id`).all(),
  imports: db.prepare(`SELECT id, created_by_id AS who FROM import_runs ORDER BY id`).all(),
  lockouts: db.prepare(`SELECT id, lifted_by_id AS who FROM sign_in_lockouts ORDER BY id`).all(),
});

describe(`migration ${MIGRATION}`, () => {
  it("keeps the rows, unattributes those of removed accounts, sets NULL when an account is deleted, and keeps the jobs trigger", () => {
    const file = path.join(root, "store.db");
    applyMigrations(file, migrationsBefore(root, MIGRATION));
    let db = new Database(file);
    db.prepare(`INSERT INTO users (id, email, name) VALUES ('u1', 'ann@example.com', 'Ann')`).run();
    for (const [id, who] of [
      ["j1", "u1"],
      ["j2", "gone"],
    ]) {
      db.prepare(
        `INSERT INTO jobs (id, kind, status, config_json, created_by_id) VALUES (?, 'mutation', 'done', '{}', ?)`,
      ).run(id, who);
      db.prepare(
        `INSERT INTO exports (id, format, status, filters_json, template_name, app_version, created_by_id) VALUES (?, 'alpaca', 'done', '{}', 'sense-style', '0.1.0', ?)`,
      ).run(`e${id}`, who);
      db.prepare(
        `INSERT INTO import_runs (id, format, dir_path, split, status, created_by_id) VALUES (?, 'spider', '/d', 'dev', 'done', ?)`,
      ).run(`i${id}`, who);
      db.prepare(
        `INSERT INTO sign_in_lockouts (id, kind, key, locked_until, failed_attempts, lifted_by_id) VALUES (?, 'email', 'x@example.com', '2026-12-01T00:00:00.000Z', 5, ?)`,
      ).run(`l${id}`, who);
    }
    db.close();

    expect(applyMigrations(file, projectMigrationsDir).applied[0]).toBe(MIGRATION);
    db = new Database(file);
    db.pragma("foreign_keys = ON");
    try {
      expect(starters(db)).toEqual({
        jobs: [
          { id: "j1", who: "u1" },
          { id: "j2", who: null },
        ],
        exports: [
          { id: "ej1", who: "u1" },
          { id: "ej2", who: null },
        ],
        imports: [
          { id: "ij1", who: "u1" },
          { id: "ij2", who: null },
        ],
        lockouts: [
          { id: "lj1", who: "u1" },
          { id: "lj2", who: null },
        ],
      });
      const triggers = db
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'jobs'`)
        .all();
      expect(triggers).toEqual([{ name: "jobs_detach_pairs_first" }]);
      db.prepare(`DELETE FROM users WHERE id = 'u1'`).run();
      const after = starters(db);
      for (const rows of Object.values(after))
        expect((rows as { who: string | null }[]).map((r) => r.who)).toEqual([null, null]);
    } finally {
      db.close();
    }
  });
});
