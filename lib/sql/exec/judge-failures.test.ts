import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { ExecPool, isEngineFailure } from "@/lib/sql/exec/exec-pool";
import { ENGINE_NOT_STARTING } from "@/lib/sql/exec/exec-limits";
import { mutationCandidates } from "@/lib/synthesis/mutation-candidates";
import { verdictKind } from "@/lib/synthesis/weak/preference-pairs";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

// Failures from the sandbox are typed end to end: each comes out of a judge batch as { kind, message },
// its message the words that are stored and shown, and what follows (the verdict, whether to try
// again) reads the kind, never the words.

const file = writeSqlite(
  path.join(env.dataDir, "judge-failures", "shop.sqlite"),
  "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO items VALUES (1, 'pen'), (2, 'ink'), (3, 'pad');",
);
const pool = new ExecPool(1);
afterAll(() => pool.close());

const RUNAWAY = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
const judgeOne = async (
  candidate: string,
  options: { timeoutMs?: number; maxRows?: number } = {},
  goldSql = "SELECT count(*) FROM items",
) => (await pool.judge([{ dbFile: file, goldSql, candidates: [candidate] }], "bird", options))[0]!;

describe("typed failures from the sandbox", () => {
  it("a timeout: kind timeout, its words as stored, verdict timeout", async () => {
    const judged = await judgeOne(RUNAWAY, { timeoutMs: 1_500 }); // room for the gold on a busy machine
    expect(judged.verdicts[0]!.predError).toEqual({
      kind: "timeout",
      message: "timeout: The query ran longer than 1500 ms and was stopped.",
    });
    expect(verdictKind(judged.verdicts[0]!)).toBe("timeout");
  });

  it("a result past the row cap: kind too_large, verdict error; a gold past it fails the task the same way", async () => {
    const judged = await judgeOne("SELECT id FROM items", { maxRows: 2 });
    expect(judged.verdicts[0]!.predError).toEqual({
      kind: "too_large",
      message: "result too large to compare",
    });
    expect(verdictKind(judged.verdicts[0]!)).toBe("error");
    const bigGold = await judgeOne("SELECT 1", { maxRows: 2 }, "SELECT id FROM items");
    expect(bigGold.goldError).toEqual({ kind: "too_large", message: "result too large to compare" });
  });

  it("a syntax error and an SQL error: kinds syntax and error, SQLite's words", async () => {
    const syntax = await judgeOne("SELEC count(*) FROM items");
    expect(syntax.verdicts[0]!.predError).toMatchObject({
      kind: "syntax",
      message: expect.stringContaining("syntax error"),
    });
    expect(verdictKind(syntax.verdicts[0]!)).toBe("error");
    const error = await judgeOne("SELECT nope FROM items");
    expect(error.verdicts[0]!.predError).toEqual({ kind: "error", message: "no such column: nope" });
  });

  it("a missing database file: the gold fails with kind missing_database", async () => {
    const [judged] = await pool.judge(
      [{ dbFile: "/nope/gone.sqlite", goldSql: "SELECT 1", candidates: ["SELECT 2"] }],
      "bird",
    );
    expect(judged!.goldError).toEqual({
      kind: "missing_database",
      message: "Database file not found: /nope/gone.sqlite",
    });
    expect(isEngineFailure(judged!.goldError)).toBe(false);
  });

  it("an engine failure: kind engine, known by its kind (a job item is tried again), its words kept", async () => {
    const saved = env.projectRoot;
    (env as { projectRoot: string }).projectRoot = "/nonexistent-project"; // the child script cannot be found
    const broken = new ExecPool(1);
    try {
      const [judged] = await broken.judge(
        [{ dbFile: file, goldSql: "SELECT 1", candidates: ["SELECT 2"] }],
        "bird",
      );
      expect(judged!.goldError).toEqual({ kind: "engine", message: ENGINE_NOT_STARTING });
      expect(isEngineFailure(judged!.goldError)).toBe(true);
      expect(isEngineFailure({ kind: "error", message: ENGINE_NOT_STARTING })).toBe(false); // the kind decides, not the words
      const mutants = await mutationCandidates(
        broken,
        { dbFile: file, goldSql: "SELECT id FROM items WHERE id > 1" },
        { metric: "bird" },
      );
      expect(mutants.goldError).toEqual({ kind: "engine", message: ENGINE_NOT_STARTING });
    } finally {
      (env as { projectRoot: string }).projectRoot = saved;
      await broken.close();
    }
  });
});
