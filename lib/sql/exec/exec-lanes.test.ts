import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { ExecPool } from "@/lib/sql/exec/exec-pool";
import type { ExecResult } from "@/lib/sql/exec/exec-types";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

// Lanes and per-query limits, checked by order rather than by the clock: runaway queries run until
// their limit of several seconds kills them, and what must not wait for them is answered while
// they are still unanswered.

const file = writeSqlite(
  path.join(env.dataDir, "exec-lanes", "shop.sqlite"),
  `CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL);
   INSERT INTO items VALUES (1, 'pen', 1.5), (2, 'ink', 4), (3, 'pad', 2.25);`,
);
const RUNAWAY = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
const pool = new ExecPool(2);
const JOBS = { lane: "jobs" } as const;
beforeAll(() => Promise.all([pool.warmUp(), pool.forLane("jobs").warmUp()]));
afterAll(() => pool.close());

/** A promise with a flag that says whether it has settled yet. */
function watched<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false;
  void promise.finally(() => (done = true));
  return { promise, settled: () => done };
}

describe("ExecPool lanes", () => {
  it("answers an interactive SELECT 1 while every job process is busy with runaway queries and judge batches", async () => {
    const runaways = [
      watched(pool.run(file, RUNAWAY, { ...JOBS, timeoutMs: 6_000 })),
      watched(
        pool.judge([{ dbFile: file, goldSql: "SELECT 1", candidates: [RUNAWAY] }], "spider", {
          ...JOBS,
          timeoutMs: 6_000,
        }),
      ),
      watched(pool.run(file, RUNAWAY, { ...JOBS, timeoutMs: 1_000 })), // waits behind the two
    ];
    const quick = await pool.run(file, "SELECT 1");
    expect(quick).toMatchObject({ ok: true, rows: [[1]] });
    expect(runaways.map((r) => r.settled())).toEqual([false, false, false]); // answered while they all still run
    const [first, batch, third] = await Promise.all(runaways.map((r) => r.promise));
    expect((first as ExecResult).ok).toBe(false);
    expect((third as ExecResult).ok).toBe(false);
    expect((batch as Awaited<ReturnType<typeof pool.judge>>)[0]!.verdicts[0]!.predError).toEqual({
      kind: "timeout",
      message: "timeout: The query ran longer than 6000 ms and was stopped.",
    });
  });
});

describe("ExecPool per-query limits in a judge batch", () => {
  it("times out only the runaway candidate, judges the rest, and costs one limit, not timeoutMs x queries", async () => {
    const count = "SELECT count(*) FROM items";
    const tasks = [
      {
        dbFile: file,
        goldSql: count,
        candidates: ["SELECT count(id) FROM items", RUNAWAY, "SELECT 3", "SELECT 4"],
      },
      ...Array.from({ length: 4 }, () => ({
        dbFile: file,
        goldSql: "SELECT name FROM items",
        candidates: ["SELECT name FROM items", "SELECT price FROM items"],
      })),
    ]; // 17 queries: the old budget of the batch was 17 x 1000 ms
    // the clock: a runaway of its own with a limit of 8 s, in the other lane
    const clock = watched(pool.run(file, RUNAWAY, { timeoutMs: 8_000 }));
    const judged = await pool.judge(tasks, "spider", { ...JOBS, timeoutMs: 1_000 });
    expect(clock.settled()).toBe(false); // the batch ended while the clock still runs
    expect(judged[0]).toEqual({
      goldError: null,
      goldCached: false,
      verdicts: [
        { match: true, predError: null, reason: "same rows", flags: ["single_small_value"] }, // lone counts
        {
          match: false,
          predError: {
            kind: "timeout",
            message: "timeout: The query ran longer than 1000 ms and was stopped.",
          },
          reason: "the prediction failed",
        },
        { match: true, predError: null, reason: "same rows", flags: ["single_small_value"] },
        { match: false, predError: null, reason: "rows differ", mismatch: "values_differ" },
      ],
    });
    for (const later of judged.slice(1)) expect(later.verdicts.map((v) => v.match)).toEqual([true, false]);
    expect(await clock.promise).toMatchObject({ ok: false, kind: "timeout" });
  });

  it("reports a runaway gold SQL as the gold's timeout and goes on with the next task", async () => {
    const judged = await pool.forLane("jobs").judge(
      [
        { dbFile: file, goldSql: RUNAWAY, candidates: ["SELECT 1", "SELECT 2"] },
        { dbFile: file, goldSql: "SELECT 1", candidates: ["SELECT 1"] },
      ],
      "bird",
      { timeoutMs: 500 },
    );
    expect(judged[0]!.goldError).toEqual({
      kind: "timeout",
      message: "timeout: The query ran longer than 500 ms and was stopped.",
    });
    expect(judged[0]!.verdicts.map((v) => v.reason)).toEqual(["the gold SQL failed", "the gold SQL failed"]);
    expect(judged[1]).toEqual({
      goldError: null,
      goldCached: false,
      verdicts: [{ match: true, predError: null, reason: "same set of rows", flags: ["single_small_value"] }],
    });
  });
});
