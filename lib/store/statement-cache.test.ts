// The store's connections compile each SQL text once (Prisma's adapter prepared every query anew).
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { keepStatements } from "@/lib/store/statement-cache";

function connection() {
  const db = new Database(":memory:");
  const own = db.prepare.bind(db) as (sql: string, ...rest: unknown[]) => Database.Statement<unknown[]>;
  const stats = keepStatements(db, own, 3);
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
  return { db, stats };
}

describe("kept statements", () => {
  it("compile a SQL text once and bind each call's own arguments, as Prisma's adapter uses them", () => {
    const { db, stats } = connection();
    const insert = "INSERT INTO t (id, name) VALUES (?, ?)";
    db.prepare(insert).bind([1, "a"]).run();
    db.prepare(insert).bind([2, "b"]).run();
    const select = "SELECT id, name FROM t WHERE id >= ? ORDER BY id";
    const bound = db.prepare(select).bind([2]);
    expect(bound.reader).toBe(true);
    expect(bound.columns().map((c) => c.name)).toEqual(["id", "name"]);
    expect(bound.raw().all()).toEqual([[2, "b"]]);
    // the same statement, in object mode for the next caller
    expect(db.prepare(select).all(1)).toEqual([
      { id: 1, name: "a" },
      { id: 2, name: "b" },
    ]);
    expect(stats).toEqual({ compiled: 2, reused: 2 });
  });

  it("keep at most the limit, the least recently used dropped first", () => {
    const { db, stats } = connection();
    const texts = ["SELECT 1", "SELECT 2", "SELECT 3"];
    for (const sql of texts) db.prepare(sql).get();
    db.prepare("SELECT 1").get(); // used again: now the newest
    db.prepare("SELECT 4").get(); // over the limit of 3: "SELECT 2" goes
    db.prepare("SELECT 1").get();
    db.prepare("SELECT 2").get();
    expect(stats).toEqual({ compiled: 5, reused: 2 });
  });

  it("leave better-sqlite3's own calls with internal arguments (pragma) to the driver", () => {
    const { db, stats } = connection();
    expect(db.pragma("user_version", { simple: true })).toBe(0);
    expect(stats.compiled).toBe(0);
  });
});
