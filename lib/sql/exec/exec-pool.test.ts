import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { ExecPool } from "@/lib/sql/exec/exec-pool";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

const file = writeSqlite(
  path.join(env.dataDir, "exec", "shop.sqlite"),
  `CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL, photo BLOB);
   INSERT INTO items VALUES (1, 'pen', 1.5, x'0102'), (2, 'ink', 4, NULL), (3, 'pad', 2.25, NULL);
   WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO items SELECT i + 10, 'bulk ' || i, i, NULL FROM n;`,
);
const sha = () => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const before = sha();
const pool = new ExecPool(2);
afterAll(() => pool.close());

describe("ExecPool", () => {
  it("runs a query and returns columns, raw rows (blobs as bytes) and timing", async () => {
    const result = await pool.run(file, "SELECT id, name, price, photo FROM items WHERE id <= 3 ORDER BY id");
    expect(result).toMatchObject({
      ok: true,
      columns: ["id", "name", "price", "photo"],
      rowCount: 3,
      truncated: false,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.rows[0]).toEqual([1, "pen", 1.5, Buffer.from([1, 2])]);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it.each([
    [
      "INSERT INTO items (name) VALUES ('x')",
      /Only queries that read can run \(SELECT or WITH\); this statement starts with INSERT/,
    ],
    ["DROP TABLE items", /starts with DROP/],
    ["UPDATE items SET price = 0", /starts with UPDATE/],
    ["ATTACH DATABASE '/tmp/x.db' AS x", /ATTACH is not allowed/],
    ["DETACH DATABASE main", /DETACH is not allowed/],
    ["PRAGMA journal_mode = DELETE", /PRAGMA statements are not allowed/],
    ["SELECT load_extension('/tmp/evil.so')", /load_extension is not allowed/],
    ["SELECT 1; DELETE FROM items", /Only one statement can run at a time/],
    ["WITH x AS (SELECT 1) DELETE FROM items", /The statement would change the database/],
    ["VACUUM", /starts with VACUUM/],
    [
      "SELECT * FROM pragma_database_list",
      /pragma_database_list is not allowed: it shows where database files are stored on the server/,
    ],
    ['SELECT file FROM "pragma_database_list"', /pragma_database_list is not allowed/],
    ["SELECT file FROM main.PRAGMA_DATABASE_LIST()", /PRAGMA_DATABASE_LIST is not allowed/],
    ["", /The SQL is empty/],
  ])("refuses %s with a clear error", async (sql, message) => {
    const result = await pool.run(file, sql);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(message);
    expect(["refused", "error"]).toContain(result.kind);
  });

  it("shows no server file path through table-valued pragmas", async () => {
    for (const sql of [
      "SELECT * FROM pragma_database_list",
      "SELECT * FROM [pragma_database_list]",
      "SELECT group_concat(file) FROM `pragma_database_list`",
    ]) {
      const result = await pool.run(file, sql);
      expect(JSON.stringify(result)).not.toContain(path.dirname(file));
      expect(result).toMatchObject({ ok: false, kind: "refused" });
    }
    expect(
      await pool.run(file, "SELECT name FROM pragma_table_info('items') ORDER BY cid LIMIT 2"),
    ).toMatchObject({ ok: true, rows: [["id"], ["name"]] });
  });

  it("keeps a semicolon inside a string and a trailing semicolon as one statement", async () => {
    const result = await pool.run(file, "SELECT 'a;b' AS s -- trailing; comment\n;");
    expect(result).toMatchObject({ ok: true, rows: [["a;b"]] });
  });

  it("reports SQL errors in words", async () => {
    const result = await pool.run(file, "SELECT nope FROM items");
    expect(result).toMatchObject({ ok: false, kind: "error", message: "no such column: nope" });
  });

  it("caps rows and bytes and says the result was truncated", async () => {
    expect(await pool.run(file, "SELECT * FROM items", { maxRows: 10 })).toMatchObject({
      ok: true,
      rowCount: 10,
      truncated: true,
    });
    const byBytes = await pool.run(file, "SELECT name FROM items", { maxBytes: 200 });
    expect(byBytes).toMatchObject({ ok: true, truncated: true });
    if (byBytes.ok) expect(byBytes.rowCount).toBeLessThan(20);
  });

  it("stops a runaway recursive CTE and a huge cross join at their limit, and keeps serving", async () => {
    for (const sql of [
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
      "SELECT count(*) FROM items a, items b, items c",
    ]) {
      const slow = pool.run(file, sql, { timeoutMs: 500 });
      const quick = await pool.run(file, "SELECT count(*) FROM items");
      expect(quick).toMatchObject({ ok: true, rows: [[3003]] }); // served while the runaway runs
      const result = await slow;
      expect(result).toMatchObject({
        ok: false,
        kind: "timeout",
        message: "The query ran longer than 500 ms and was stopped.",
      });
      expect(result.elapsedMs).toBeGreaterThanOrEqual(500); // it had its whole limit
    }
    expect(await pool.run(file, "SELECT 1")).toMatchObject({ ok: true, rows: [[1]] });
  });

  it("says when the database file is missing", async () => {
    expect(await pool.run("/nope/missing.sqlite", "SELECT 1")).toMatchObject({
      ok: false,
      kind: "missing_database",
    });
  });

  it("leaves the database file byte-identical", () => {
    expect(sha()).toBe(before);
  });
});

describe("double-quoted strings", () => {
  it("reads a double-quoted token that names no column as a string, as Python's sqlite3 does", async () => {
    const result = await pool.run(file, 'SELECT price FROM items WHERE name = "pen"');
    expect(result).toMatchObject({ ok: true, rows: [[1.5]] });
    expect(await pool.run(file, 'SELECT "name" FROM items WHERE id = 2')).toMatchObject({
      ok: true,
      rows: [["ink"]],
    });
  });

  it("turns only the token SQLite names into a string, never text inside a string literal or a comment", async () => {
    expect(await pool.run(file, `SELECT "JetBlue" AS a, 'he said "JetBlue"' AS b`)).toMatchObject({
      ok: true,
      rows: [["JetBlue", 'he said "JetBlue"']],
    });
    expect(await pool.run(file, `SELECT "it""s" AS a, 'it''s' AS b -- "it""s"\n`)).toMatchObject({
      ok: true,
      rows: [['it"s', "it's"]],
    });
    expect(
      await pool.run(
        file,
        `SELECT name, "pen" FROM items WHERE name = "pen" /* "pen" */ AND 'x"pen"' <> "pen"`,
      ),
    ).toMatchObject({ ok: true, rows: [["pen", "pen"]] });
  });
});

describe("ExecPool.judge", () => {
  it("judges several tasks in one round trip, running each gold once and reusing it later", async () => {
    const tasks = [
      {
        dbFile: file,
        goldSql: "SELECT name FROM items WHERE id <= 3",
        candidates: ["SELECT name FROM items WHERE id < 4", "SELECT name FROM items", "SELECT nope"],
      },
      {
        dbFile: file,
        goldSql: "SELECT DISTINCT price FROM items WHERE id = 1",
        candidates: ["SELECT price FROM items WHERE id = 1", ""],
      },
      { dbFile: "/nope/gone.sqlite", goldSql: "SELECT 1", candidates: ["SELECT 1"] },
    ];
    const [a, b, c] = await pool.judge(tasks, "spider");
    expect(a!.verdicts.map((v) => v.match)).toEqual([true, false, false]);
    expect(a!.verdicts[2]).toEqual({
      match: false,
      predError: { kind: "error", message: "no such column: nope" },
      reason: "the prediction failed",
    });
    expect(b!.verdicts).toEqual([
      { match: true, predError: null, reason: "same rows" },
      {
        match: false,
        predError: { kind: "empty", message: "empty prediction" },
        reason: "the prediction is empty",
      },
    ]);
    expect(c!.goldError).toEqual({
      kind: "missing_database",
      message: "Database file not found: /nope/gone.sqlite",
    });
    // the same gold again (typed differently) comes from the cache of whichever process runs it
    const again = await Promise.all(
      [1, 2, 3, 4].map(() =>
        pool.judge([{ ...tasks[0]!, goldSql: "select name from ITEMS where id <= 3;" }], "spider"),
      ),
    );
    expect(again.some(([r]) => r!.goldCached)).toBe(true);
  });

  it("stops a runaway candidate inside a batch and still judges the others", async () => {
    const runaway = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
    const [result] = await pool.judge(
      [
        {
          dbFile: file,
          goldSql: "SELECT count(*) FROM items",
          candidates: [runaway, "SELECT count(*) FROM items"],
        },
      ],
      "bird",
      { timeoutMs: 300 },
    );
    expect(result!.verdicts).toEqual([
      {
        match: false,
        predError: { kind: "timeout", message: "timeout: The query ran longer than 300 ms and was stopped." },
        reason: "the prediction failed",
      },
      { match: true, predError: null, reason: "same set of rows" },
    ]); // how long a batch takes is shown by order in exec-lanes.test.ts
  });
});

describe("ExecPool start failures", () => {
  it("answers with an error instead of respawning forever when its processes cannot start", async () => {
    const { env } = await import("@/lib/env");
    const saved = env.projectRoot;
    (env as { projectRoot: string }).projectRoot = "/nonexistent-project"; // the child script cannot be found
    const broken = new ExecPool(1);
    try {
      const result = await broken.run(file, "SELECT 1");
      expect(result).toEqual({
        ok: false,
        kind: "engine",
        message: "The SQL execution process could not start; see the server log.",
        elapsedMs: 0,
      });
    } finally {
      (env as { projectRoot: string }).projectRoot = saved;
      await broken.close();
    }
  });
});
