import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { readGoldFile, readPredictionFile } from "@/lib/eval/eval-inputs";
import { evaluatePredictions } from "@/lib/eval/evaluate-predictions";
import { ExecPool } from "@/lib/sql/exec/exec-pool";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

const root = path.join(env.dataDir, "eval-dbs");
writeSqlite(
  path.join(root, "shop", "shop.sqlite"),
  `CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL, maker TEXT);
   INSERT INTO items VALUES (1, 'pen', 1.5, 'Acme'), (2, 'ink', 4, 'Acme'), (3, 'pad', 2.25, 'Bolt');`,
);
const pool = new ExecPool(2);
afterAll(() => pool.close());

const gold = [
  { sql: "SELECT name FROM items ORDER BY price", dbId: "shop" },
  { sql: "SELECT DISTINCT maker FROM items", dbId: "shop" },
  { sql: 'SELECT name, price FROM items WHERE maker = "Acme"', dbId: "shop" },
  { sql: "SELECT count(*) FROM items", dbId: "shop" },
  { sql: "SELECT 1", dbId: "absent" },
].map((g, i) => ({ ...g, i }));

const run = (predictions: string[], metric: "spider" | "bird" = "spider", difficulties?: string[]) =>
  evaluatePredictions({ gold, predictions, dbRoot: root, metric, timeoutMs: 2_000, pool, difficulties });

describe("evaluatePredictions", () => {
  it("judges each example and reports missing databases without scoring them", async () => {
    const summary = await run([
      "SELECT name FROM items ORDER BY price DESC", // wrong order
      "SELECT maker FROM items", // DISTINCT is stripped from the gold too: bags equal
      "SELECT price, name FROM items WHERE maker = 'Acme'", // columns permuted
      "SELECT count(*) FROM nope", // error
      "SELECT 1",
    ]);
    expect(summary.verdicts.map((v) => v.exec_match)).toEqual([false, true, true, false, false]);
    expect(summary.verdicts[3]).toEqual({
      i: 3,
      db_id: "shop",
      exec_match: false,
      pred_error: "no such table: nope",
      gold_error: null,
    });
    expect(summary.verdicts[4]?.gold_error).toMatch(/^database file missing: /);
    expect(summary.missing).toEqual([{ i: 4, db_id: "absent" }]);
    expect(summary.overall).toEqual({ group: "all", matched: 2, total: 4 });
    expect(summary.groups.map((g) => g.group)).toEqual(["easy", "medium"]);
  });

  it("uses BIRD set semantics and groups by the given difficulty", async () => {
    const summary = await run(
      [
        "SELECT name FROM items ORDER BY price DESC",
        "SELECT DISTINCT maker FROM items",
        "SELECT price, name FROM items WHERE maker = 'Acme'",
        "SELECT 3",
        "SELECT 1",
      ],
      "bird",
      ["simple", "simple", "moderate", "challenging", "simple"],
    );
    expect(summary.verdicts.map((v) => v.exec_match)).toEqual([true, true, false, true, false]);
    expect(summary.groups).toEqual([
      { group: "challenging", matched: 1, total: 1 },
      { group: "moderate", matched: 0, total: 1 },
      { group: "simple", matched: 2, total: 2 },
    ]);
  });

  it("turns a runaway prediction into a timeout verdict", async () => {
    const summary = await evaluatePredictions({
      gold: [{ ...gold[3]!, i: 0 }],
      predictions: ["WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"],
      dbRoot: root,
      metric: "spider",
      timeoutMs: 300,
      pool,
    });
    expect(summary.verdicts[0]).toMatchObject({
      exec_match: false,
      pred_error: "timeout: The query ran longer than 300 ms and was stopped.",
    });
  });
});

describe("evaluatePredictions time limits", () => {
  it("gives each runaway prediction its own limit: 6 runaways at 1 s end before a 12 s clock does (the old budget of their batch)", async () => {
    const runaway = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
    const clockPool = new ExecPool(1);
    let clockDone = false;
    void clockPool
      .run(path.join(root, "shop", "shop.sqlite"), runaway, { timeoutMs: 12_000 })
      .finally(() => (clockDone = true));
    try {
      const six = Array.from({ length: 6 }, (_, i) => ({ ...gold[3]!, i }));
      const summary = await evaluatePredictions({
        gold: six,
        predictions: six.map(() => runaway),
        dbRoot: root,
        metric: "spider",
        timeoutMs: 1_000,
        pool,
      });
      expect(clockDone).toBe(false); // about 3 x 1 s on each of 2 processes; the old batch budget alone was 12 x 1 s
      expect(summary.verdicts.map((v) => v.pred_error)).toEqual(
        six.map(() => "timeout: The query ran longer than 1000 ms and was stopped."),
      );
    } finally {
      await clockPool.close(); // the clock is not needed any longer
    }
  });
});

const spider = path.resolve(env.projectRoot, "..", "shared", "data", "spider");
describe.skipIf(!fs.existsSync(path.join(spider, "dev_gold.sql")))(
  `Spider dev gold against itself (needs ${spider})`,
  () => {
    it("scores 100% on the 972 examples with a database and reports the 62 wta_1 examples as missing", async () => {
      const devGold = readGoldFile(path.join(spider, "dev_gold.sql"));
      const predictions = readPredictionFile(path.join(spider, "dev_gold.sql"), devGold.length);
      const summary = await evaluatePredictions({
        gold: devGold,
        predictions,
        dbRoot: path.join(spider, "database"),
        metric: "spider",
        timeoutMs: 30_000,
        pool,
      });
      expect(summary.overall).toEqual({ group: "all", matched: 972, total: 972 });
      expect(summary.missing).toHaveLength(62);
      expect(new Set(summary.missing.map((m) => m.db_id))).toEqual(new Set(["wta_1"]));
    });
  },
);
