import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/store/apply-migrations";
import { migrationsBefore, projectMigrationsDir } from "@/lib/testing/migrations-before";
import { keptAndRecounted } from "@/lib/testing/store-recount";

// Migration 20261204210224_item_user_relations rebuilds sft_samples and preference_pairs to make
// who holds an item's lease and who reviewed it foreign keys to users. This fills a store migrated
// up to the previous migration, applies it and the later ones, and checks the rows, the released and
// unattributed rows of removed accounts, ON DELETE SET NULL, and the counters and their triggers.
const MIGRATION = "20261204210224_item_user_relations";
const root = fs.mkdtempSync(path.join(os.tmpdir(), "item-user-relations-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const LEASE_UNTIL = "2099-01-01T00:00:00.000Z";
const REVIEWED_AT = "2026-12-01T10:00:00.000Z";

/** One item of each kind for each (lease owner, reviewer): pending and held, and decided. */
function fill(db: Database.Database) {
  db.prepare(
    `INSERT INTO users (id, email, name, updated_at) VALUES ('u1', 'ann@example.com', 'Ann', '2026-12-01T00:00:00.000Z')`,
  ).run();
  db.prepare(
    `INSERT INTO target_databases (id, name, source, file_status, updated_at) VALUES ('d1', 'shop', 'upload', 'ok', '2026-12-01T00:00:00.000Z')`,
  ).run();
  db.prepare(
    `INSERT INTO tasks (id, database_id, question, gold_sql, split, origin, source_ref, difficulty) VALUES ('t1', 'd1', 'How many?', 'SELECT 1', 'dev', 'imported', 'ref:1', 'easy')`,
  ).run();
  db.prepare(
    `INSERT INTO jobs (id, kind, status, config_json) VALUES ('j1', 'mutation', 'done', '{}')`,
  ).run();
  db.prepare(
    `INSERT INTO candidates (id, task_id, job_id, source, verdict) VALUES ('c1', 't1', 'j1', 'mutation', 'wrong_result')`,
  ).run();
  const sft = db.prepare(
    `INSERT INTO sft_samples (id, database_id, job_id, question, sql, difficulty, origin, exec_status, result_json, status, lease_owner_id, lease_expires_at, reviewed_by_id, reviewed_at)
     VALUES (?, 'd1', 'j1', 'How many?', 'SELECT 1', 'easy', 'strong', 'ok', '{"rowCount":1}', ?, ?, ?, ?, ?)`,
  );
  const pair = db.prepare(
    `INSERT INTO preference_pairs (id, task_id, job_id, chosen_sql, chosen_source, rejected_sql, rejected_candidate_id, status, lease_owner_id, lease_expires_at, reviewed_by_id, reviewed_at)
     VALUES (?, 't1', 'j1', 'SELECT 1', 'gold', 'SELECT 2', 'c1', ?, ?, ?, ?, ?)`,
  );
  for (const [who, tag] of [
    ["u1", "kept"],
    ["gone", "gone"],
  ] as const) {
    for (const [insert, prefix] of [
      [sft, "s"],
      [pair, "p"],
    ] as const) {
      insert.run(`${prefix}-held-${tag}`, "pending", who, LEASE_UNTIL, null, null);
      insert.run(`${prefix}-decided-${tag}`, "accepted", null, null, who, REVIEWED_AT);
    }
  }
}

const people = (db: Database.Database, table: string) =>
  db
    .prepare(
      `SELECT id, lease_owner_id AS lease, lease_expires_at AS until, reviewed_by_id AS reviewer FROM ${table} ORDER BY id`,
    )
    .all();
const counters = (db: Database.Database) =>
  db.prepare(`SELECT scope, key, n FROM store_counters ORDER BY scope, key`).all();
const userKeys = (db: Database.Database, table: string) =>
  db
    .prepare(
      `SELECT "from", "table", on_delete FROM pragma_foreign_key_list(?) WHERE "table" = 'users' ORDER BY "from"`,
    )
    .all(table);

describe(`migration ${MIGRATION}`, () => {
  it("keeps the rows, releases and unattributes those of removed accounts, adds the keys, sets NULL when an account is deleted, and keeps the counters", () => {
    const file = path.join(root, "store.db");
    applyMigrations(file, migrationsBefore(root, MIGRATION));
    let db = new Database(file);
    fill(db);
    const countersBefore = counters(db);
    expect(keptAndRecounted(db).kept).toEqual(keptAndRecounted(db).recounted);
    db.close();

    expect(applyMigrations(file, projectMigrationsDir).applied[0]).toBe(MIGRATION);
    db = new Database(file);
    db.pragma("foreign_keys = ON");
    try {
      const held = { lease: "u1", until: LEASE_UNTIL, reviewer: null };
      const free = { lease: null, until: null, reviewer: null };
      for (const [table, prefix] of [
        ["sft_samples", "s"],
        ["preference_pairs", "p"],
      ] as const) {
        expect(people(db, table)).toEqual([
          { id: `${prefix}-decided-gone`, ...free },
          { id: `${prefix}-decided-kept`, ...free, reviewer: "u1" },
          { id: `${prefix}-held-gone`, ...free },
          { id: `${prefix}-held-kept`, ...held },
        ]);
        expect(userKeys(db, table)).toEqual([
          { from: "lease_owner_id", table: "users", on_delete: "SET NULL" },
          { from: "reviewed_by_id", table: "users", on_delete: "SET NULL" },
        ]);
      }
      expect(counters(db)).toEqual(countersBefore);

      // the triggers keep counting on the rebuilt tables
      db.prepare(
        `UPDATE sft_samples SET status = 'rejected', reviewed_by_id = 'u1' WHERE id = 's-held-kept'`,
      ).run();
      db.prepare(
        `UPDATE preference_pairs SET status = 'edited', reviewed_by_id = 'u1' WHERE id = 'p-held-kept'`,
      ).run();
      db.prepare(`DELETE FROM sft_samples WHERE id = 's-decided-gone'`).run();
      db.prepare(`DELETE FROM preference_pairs WHERE id = 'p-decided-gone'`).run();
      db.prepare(
        `INSERT INTO sft_samples (id, database_id, question, sql, origin, exec_status) VALUES ('s-new', 'd1', 'New?', 'SELECT 3', 'strong', 'error')`,
      ).run();
      db.prepare(
        `INSERT INTO preference_pairs (id, task_id, chosen_sql, chosen_source, rejected_sql, status) VALUES ('p-new', 't1', 'SELECT 1', 'gold', 'SELECT 3', 'accepted')`,
      ).run();
      db.prepare(`UPDATE tasks SET difficulty = 'hard' WHERE id = 't1'`).run();
      const { kept, recounted } = keptAndRecounted(db);
      expect(kept).toEqual(recounted);
      expect(kept["sft.status rejected"]).toBe(1);
      expect(kept["pair.status edited"]).toBe(1);

      // a deleted account's leases and decisions: NULL, the rows stay
      expect(() =>
        db.prepare(`UPDATE sft_samples SET lease_owner_id = 'nobody' WHERE id = 's-new'`).run(),
      ).toThrow(/FOREIGN KEY/);
      db.prepare(`DELETE FROM users WHERE id = 'u1'`).run();
      for (const table of ["sft_samples", "preference_pairs"]) {
        const rows = people(db, table) as { lease: string | null; reviewer: string | null }[];
        expect(rows).toHaveLength(4);
        expect(rows.filter((r) => r.lease !== null || r.reviewer !== null)).toEqual([]);
      }
      expect(keptAndRecounted(db).kept).toEqual(keptAndRecounted(db).recounted);
    } finally {
      db.close();
    }
  });
});
