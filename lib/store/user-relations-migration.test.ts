import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/store/apply-migrations";
import { migrationsBefore, projectMigrationsDir } from "@/lib/testing/migrations-before";

// Migration 20261202195909_user_relations rebuilds audit_events and review_actions to add foreign
// keys to users. This fills a store migrated up to the previous migration, applies it, and checks
// that rows, indexes, the counter triggers and the counters themselves survive.
const MIGRATION = "20261202195909_user_relations";
const root = fs.mkdtempSync(path.join(os.tmpdir(), "user-relations-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const schemaOf = (db: Database.Database, table: string, type: string) =>
  (
    db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = ? AND tbl_name = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all(type, table) as { name: string }[]
  ).map((r) => r.name);
const counters = (db: Database.Database) =>
  db
    .prepare(
      `SELECT scope, key, n FROM store_counters WHERE scope LIKE 'review.%' AND n <> 0 ORDER BY scope, key`,
    )
    .all() as { scope: string; key: string; n: number }[];

describe(`migration ${MIGRATION}`, () => {
  it("keeps rows, indexes, triggers and counters of a filled store; unattributes rows of removed accounts; later deletes set NULL", () => {
    const file = path.join(root, "store.db");
    applyMigrations(file, migrationsBefore(root, MIGRATION));
    let db = new Database(file);
    db.prepare(
      `INSERT INTO users (id, email, name) VALUES ('u1', 'ann@example.com', 'Ann'), ('u2', 'bo@example.com', 'Bo')`,
    ).run();
    const review = db.prepare(
      `INSERT INTO review_actions (id, item_type, item_id, user_id, action, before_json, after_json, created_at) VALUES (?, 'sft', ?, ?, ?, '{}', '{}', ?)`,
    );
    review.run("r1", "s1", "u1", "accept", "2026-12-01T10:00:00.000Z");
    review.run("r2", "s2", "u2", "reject", "2026-12-01T11:00:00.000Z");
    review.run("r3", "s3", "gone", "accept", "2026-12-01T12:00:00.000Z"); // an account deleted before the keys existed
    const event = db.prepare(
      `INSERT INTO audit_events (id, user_id, via, action, target_type, target_id) VALUES (?, ?, 'ui', 'export.start', 'export', 'e1')`,
    );
    event.run("a1", "u1");
    event.run("a2", "gone");
    const indexesBefore = {
      reviews: schemaOf(db, "review_actions", "index"),
      events: schemaOf(db, "audit_events", "index"),
    };
    const triggersBefore = schemaOf(db, "review_actions", "trigger");
    const countersBefore = counters(db);
    db.close();
    expect(triggersBefore).toHaveLength(6);
    expect(countersBefore.find((c) => c.key.includes("gone"))).toBeDefined();

    // this migration, then any made after it
    const fromThisOne = fs
      .readdirSync(projectMigrationsDir)
      .filter((name) => name >= MIGRATION && name !== "migration_lock.toml")
      .sort();
    expect(applyMigrations(file, projectMigrationsDir).applied).toEqual(fromThisOne);
    expect(fromThisOne[0]).toBe(MIGRATION);
    db = new Database(file);
    db.pragma("foreign_keys = ON");
    try {
      expect(db.prepare(`SELECT id, user_id AS userId FROM review_actions ORDER BY id`).all()).toEqual([
        { id: "r1", userId: "u1" },
        { id: "r2", userId: "u2" },
        { id: "r3", userId: null },
      ]);
      expect(db.prepare(`SELECT id, user_id AS userId FROM audit_events ORDER BY id`).all()).toEqual([
        { id: "a1", userId: "u1" },
        { id: "a2", userId: null },
      ]);
      expect(schemaOf(db, "review_actions", "index")).toEqual(indexesBefore.reviews);
      expect(schemaOf(db, "audit_events", "index")).toEqual(indexesBefore.events);
      expect(schemaOf(db, "review_actions", "trigger")).toEqual(triggersBefore);
      // The removed account's counts moved to '' (unknown), every other counter is unchanged.
      const moved = (key: string) => key.replace("gone", "");
      const expected = new Map<string, number>();
      for (const c of countersBefore)
        expected.set(`${c.scope}|${moved(c.key)}`, (expected.get(`${c.scope}|${moved(c.key)}`) ?? 0) + c.n);
      expect(new Map(counters(db).map((c) => [`${c.scope}|${c.key}`, c.n]))).toEqual(expected);

      // The triggers still count: a new decision and, through ON DELETE SET NULL, a deleted account.
      db.prepare(
        `INSERT INTO review_actions (id, item_type, item_id, user_id, action, before_json, after_json, created_at) VALUES ('r4', 'sft', 's4', 'u2', 'accept', '{}', '{}', '2026-12-01T13:00:00.000Z')`,
      ).run();
      const day = (user: string, kind: string) =>
        (
          db
            .prepare(`SELECT n FROM store_counters WHERE scope = 'review.day' AND key = ?`)
            .get(`2026-12-01\u001f${user}\u001f${kind}`) as { n: number } | undefined
        )?.n ?? 0;
      expect(day("u2", "decided")).toBe(2);
      expect(
        (
          db
            .prepare(`SELECT n FROM store_counters WHERE scope = 'review.hour' AND key = '2026-12-01T13'`)
            .get() as { n: number }
        ).n,
      ).toBe(1);
      db.prepare(`DELETE FROM users WHERE id = 'u2'`).run();
      expect(db.prepare(`SELECT count(*) AS n FROM review_actions WHERE user_id IS NULL`).get()).toEqual({
        n: 3,
      });
      expect(day("u2", "decided")).toBe(0);
      expect(day("", "decided")).toBe(3);
      db.prepare(`DELETE FROM users WHERE id = 'u1'`).run();
      expect(db.prepare(`SELECT user_id AS userId FROM audit_events WHERE id = 'a1'`).get()).toEqual({
        userId: null,
      });
    } finally {
      db.close();
    }
  });
});
