import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { ExecPool } from "@/lib/sql/exec/exec-pool";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

// Execution processes keep databases open and gold results cached between requests. A database
// deleted and registered again under the same name has a new file at the same path: the processes
// must read the new file, never the old one they still hold open.

const file = path.join(env.dataDir, "exec-identity", "shop", "shop.sqlite");
const pool = new ExecPool(1);
afterAll(() => pool.close());

function replaceWith(rows: number) {
  fs.rmSync(file, { force: true });
  writeSqlite(
    file,
    `CREATE TABLE items (id INTEGER PRIMARY KEY); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows}) INSERT INTO items SELECT i FROM n;`,
  );
}

describe("a database file replaced at the same path", () => {
  it("is read anew by queries and by judging (no stale connection, no stale gold result)", async () => {
    replaceWith(3);
    expect(await pool.run(file, "SELECT count(*) FROM items")).toMatchObject({ ok: true, rows: [[3]] });
    const judge = () =>
      pool.judge(
        [{ dbFile: file, goldSql: "SELECT count(*) FROM items", candidates: ["SELECT 3", "SELECT 5"] }],
        "spider",
      );
    expect((await judge())[0]!.verdicts.map((v) => v.match)).toEqual([true, false]);

    replaceWith(5);
    expect(await pool.run(file, "SELECT count(*) FROM items")).toMatchObject({ ok: true, rows: [[5]] });
    const [again] = await judge();
    expect(again!.goldCached).toBe(false);
    expect(again!.verdicts.map((v) => v.match)).toEqual([false, true]);
  });
});
