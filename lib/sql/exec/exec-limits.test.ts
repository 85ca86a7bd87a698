import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { ExecPool } from "@/lib/sql/exec/exec-pool";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

// Memory and temporary disk are capped per execution process: a query past a cap is stopped with
// the cap in words, its process is replaced, and the next query runs as usual.

const file = writeSqlite(
  path.join(env.dataDir, "exec-limits", "tiny.sqlite"),
  "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2);",
);
const pool = new ExecPool(1, { memoryMb: 256, tempMb: 16 });
beforeAll(() => pool.warmUp());
afterAll(() => pool.close());

const rows = (n: number) =>
  `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${n}) SELECT x FROM c`;
const MEMORY = "The query needed more than 256 MB of memory and was stopped.";
const TEMP = "The query needed more than 16 MB of temporary disk space and was stopped.";

describe("ExecPool memory and temp-disk caps", () => {
  it.each([
    [
      "a string built in SQLite's heap",
      "SELECT length(replace(hex(zeroblob(100000000)), '0', '00'))",
      MEMORY,
      {},
    ],
    [
      "a result too big for the process's JavaScript heap",
      `SELECT hex(randomblob(2000)) FROM (${rows(400_000)})`,
      MEMORY,
      { maxRows: 10_000_000, maxBytes: 4 * 1024 ** 3 },
    ],
    [
      "a DISTINCT that spills to temporary files",
      `SELECT count(*) FROM (SELECT DISTINCT x || randomblob(100) FROM (${rows(1_000_000)}))`,
      TEMP,
      {},
    ],
    [
      "a sort that spills to temporary files",
      `SELECT max(b) FROM (SELECT x, randomblob(100) AS b FROM (${rows(1_000_000)}) ORDER BY b)`,
      TEMP,
      {},
    ],
  ])(
    "refuses %s in words, replaces the process, and runs the next query",
    async (_what, sql, message, options) => {
      const before = pool.stats().processesEnded;
      const result = await pool.run(file, sql, { timeoutMs: 20_000, ...options });
      expect(result).toMatchObject({ ok: false, kind: "limit", message });
      expect(await pool.run(file, "SELECT sum(x) FROM t")).toMatchObject({ ok: true, rows: [[3]] });
      expect(pool.stats().processesEnded).toBe(before + 1); // the process that hit the cap is gone; another answered
    },
  );

  it("gives a memory-hungry candidate of a judge batch its verdict and judges the others", async () => {
    const [judged] = await pool.judge(
      [
        {
          dbFile: file,
          goldSql: "SELECT x FROM t",
          candidates: [
            "SELECT x FROM t",
            "SELECT length(replace(hex(zeroblob(100000000)), '0', '00'))",
            "SELECT 1",
          ],
        },
      ],
      "bird",
      { timeoutMs: 20_000 },
    );
    expect(judged!.verdicts).toEqual([
      { match: true, predError: null, reason: "same set of rows" },
      { match: false, predError: { kind: "limit", message: MEMORY }, reason: "the prediction failed" },
      {
        match: false,
        predError: null,
        reason: "distinct row count differs: gold 2, predicted 1",
        mismatch: "subset_of_gold",
      },
    ]);
  });
});
