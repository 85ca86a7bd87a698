import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { ExecPool } from "@/lib/sql/exec/exec-pool";
import type { Metric } from "@/lib/sql/exec/exec-types";
import { candidateLabels, isDegenerate } from "@/lib/sql/label-checks/candidate-labels";
import { degenerateFlags } from "@/lib/sql/label-checks/degenerate-sql";
import { failureClass, mismatchClass } from "@/lib/sql/label-checks/error-class";
import { readFlags, storedFlags } from "@/lib/sql/label-checks/label-flags";
import { planPreferencePairs } from "@/lib/synthesis/weak/preference-pairs";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

// Each flag and each error class, pinned on a small hand-made database and judged by the real
// sandbox (child processes), as weak and mutation jobs judge their candidates.

const file = writeSqlite(
  path.join(env.dataDir, "label-checks", "concerts.sqlite"),
  `CREATE TABLE singer (id INTEGER PRIMARY KEY, name TEXT, country TEXT, age INTEGER);
   INSERT INTO singer VALUES (1, 'Ana', 'PT', 31), (2, 'Bo', 'SE', 44), (3, 'Cy', 'PT', 27), (4, 'Di', NULL, 52);
   CREATE TABLE concert (id INTEGER PRIMARY KEY, singer_id INTEGER, year INTEGER, name TEXT);
   INSERT INTO concert VALUES (1, 1, 2014, 'Spring'), (2, 1, 2015, 'Summer'), (3, 2, 2015, 'Autumn');`,
);
const pool = new ExecPool(1);
afterAll(() => pool.close());

async function labels(goldSql: string, candidate: string, metric: Metric = "spider", timeoutMs = 5_000) {
  const [judged] = await pool.judge([{ dbFile: file, goldSql, candidates: [candidate] }], metric, {
    timeoutMs,
  });
  const verdict = judged!.verdicts[0]!;
  return { match: verdict.match, ...candidateLabels(candidate, verdict) };
}

describe("coincidence flags on a correct verdict", () => {
  it("both results empty", async () => {
    expect(
      await labels("SELECT name FROM singer WHERE age > 90", "SELECT name FROM singer WHERE country = 'XX'"),
    ).toEqual({ match: true, flags: ["both_empty"], errorClass: null });
  });
  it("a lone NULL", async () => {
    expect(
      await labels("SELECT country FROM singer WHERE id = 4", "SELECT max(age) FROM singer WHERE age > 90"),
    ).toMatchObject({ match: true, flags: ["single_null"] });
  });
  it("a lone small number, as counts and yes/no answers give", async () => {
    expect(
      await labels(
        "SELECT count(*) FROM concert WHERE year = 2015",
        "SELECT count(*) FROM singer WHERE country = 'PT'",
      ),
    ).toMatchObject({ match: true, flags: ["single_small_value"] });
    expect((await labels("SELECT count(*) FROM singer", "SELECT count(*) FROM singer")).flags).toEqual([
      "single_small_value",
    ]);
    expect(
      (await labels("SELECT max(age) FROM singer", "SELECT age FROM singer ORDER BY age DESC LIMIT 1")).flags,
    ).toEqual([]); // 52: not small
  });
  it("equal only once duplicates are set aside: BIRD's sets, Spider's removal of DISTINCT", async () => {
    expect(
      await labels(
        "SELECT DISTINCT country FROM singer WHERE country IS NOT NULL",
        "SELECT country FROM singer WHERE country IS NOT NULL",
        "bird",
      ),
    ).toMatchObject({ match: true, flags: ["equal_only_as_sets"] });
    expect(
      await labels("SELECT DISTINCT singer_id FROM concert", "SELECT singer_id FROM concert", "spider"),
    ).toMatchObject({ match: true, flags: ["equal_only_as_sets"] });
    expect(
      (await labels("SELECT DISTINCT name FROM singer", "SELECT name FROM singer", "spider")).flags,
    ).toEqual([]); // the names are distinct anyway
  });
  it("none on a match that stands on its own", async () => {
    expect(
      await labels(
        "SELECT name FROM singer WHERE country = 'PT'",
        "SELECT name FROM singer WHERE country LIKE 'PT'",
      ),
    ).toEqual({ match: true, flags: [], errorClass: null });
  });
});

describe("error classes of a wrong answer", () => {
  const gold = "SELECT name FROM singer WHERE age > 30 ORDER BY age";
  const cases: [string, string][] = [
    ["SELEC name FROM singer", "syntax_error"],
    ["SELECT name FROM singers", "unknown_table"],
    ["SELECT nam FROM singer", "unknown_column"],
    ["SELECT id FROM singer JOIN concert ON singer.id = concert.singer_id", "ambiguous_column"],
    ["SELECT nosuch(name) FROM singer", "type_or_function_error"],
    ["SELECT name, age FROM singer WHERE age > 30 ORDER BY age", "wrong_column_count"],
    ["SELECT name FROM singer WHERE age > 30 ORDER BY age DESC", "same_rows_other_order"],
    ["SELECT name FROM singer WHERE age > 40 ORDER BY age", "subset_of_gold"],
    ["SELECT name FROM singer ORDER BY age", "superset_of_gold"],
    ["SELECT name FROM singer WHERE age < 30", "wrong_row_count"],
    ["SELECT country FROM singer WHERE age > 30 ORDER BY age", "values_differ"],
  ];
  for (const [candidate, errorClass] of cases)
    it(`${errorClass}: ${candidate}`, async () => {
      expect(await labels(gold, candidate)).toMatchObject({ match: false, errorClass });
    });
  it("timeout", async () => {
    const runaway =
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c WHERE x < 0";
    expect(await labels(gold, runaway, "spider", 1_500)).toMatchObject({
      match: false,
      errorClass: "timeout",
    });
  });
});

describe("error classes where a result's shape misleads", () => {
  it("compare rows as the metric does, and call an empty side a wrong row count", async () => {
    // Spider: the columns in another order and the rows too
    expect(
      await labels(
        "SELECT name, age FROM singer WHERE age > 30 ORDER BY age",
        "SELECT age, name FROM singer WHERE age > 30 ORDER BY age DESC",
      ),
    ).toMatchObject({ match: false, errorClass: "same_rows_other_order" });
    expect(mismatchClass([[1], [2]], [[1], [1], [1]], "bird")).toBe("subset_of_gold"); // BIRD compares sets
    expect(mismatchClass([[1], [2]], [[1], [1], [1]], "spider")).toBe("wrong_row_count");
    expect(mismatchClass([], [[5]], "spider")).toBe("wrong_row_count");
    expect(mismatchClass([[5]], [], "bird")).toBe("wrong_row_count");
  });
  it("read SQLite's words for aliased aggregates and window functions", () => {
    const failed = (message: string) => failureClass({ kind: "error", message });
    expect(failed("misuse of aliased aggregate count")).toBe("type_or_function_error");
    expect(failed("misuse of aliased window function rank")).toBe("type_or_function_error");
    expect(failed('near "FORM": syntax error')).toBe("syntax_error");
  });
});

describe("degenerate answers", () => {
  it("are not what a CTE, a compound query or a view makes", () => {
    const cte =
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12) SELECT i, count(c.id) FROM n LEFT JOIN concert c ON c.id = n.i GROUP BY i";
    expect(degenerateFlags(cte)).toEqual([]);
    expect(degenerateFlags("SELECT 'none' FROM singer WHERE 0 UNION SELECT name FROM singer")).toEqual([]);
    expect(degenerateFlags("SELECT * FROM v_sales")).toEqual([]); // a view (not in the stored tables)
  });

  it("reads no table, or selects only constants; a query of the schema is neither", () => {
    expect(degenerateFlags("SELECT '26815c' AS unknown")).toEqual(["reads_no_table"]);
    expect(degenerateFlags("SELECT 1")).toEqual(["reads_no_table"]);
    expect(degenerateFlags("SELECT 'x' AS name, 3 FROM singer")).toEqual(["constants_only"]);
    expect(degenerateFlags('SELECT NULL FROM "Singer" WHERE age > 3')).toEqual(["constants_only"]);
    expect(degenerateFlags("SELECT count(*) FROM singer")).toEqual([]);
    expect(degenerateFlags("SELECT * FROM concert")).toEqual([]);
    expect(degenerateFlags("SELECT name AS n FROM singer")).toEqual([]);
    expect(degenerateFlags("SELECT (SELECT max(age) FROM singer)")).toEqual([]);
  });

  it("is flagged on the candidate and never becomes a side of a pair", async () => {
    const judged = await labels("SELECT name FROM singer", "SELECT '26815c' AS unknown");
    expect(judged).toEqual({ match: false, flags: ["reads_no_table"], errorClass: "wrong_row_count" });
    expect(isDegenerate(judged.flags)).toBe(true);
    const pairs = planPreferencePairs(
      "SELECT name FROM singer",
      [
        { index: 0, sql: "SELECT '26815c' AS unknown", verdict: "wrong_result", degenerate: true },
        { index: 1, sql: "SELECT name FROM concert", verdict: "wrong_result" },
      ],
      { chosen: "gold", maxPairs: 5 },
    );
    expect(pairs.map((p) => p.rejectedIndex)).toEqual([1]);
  });

  it("a correct answer with a flag is chosen only when no unflagged one is there", () => {
    const plan = (flaggedFirst: boolean) =>
      planPreferencePairs(
        "SELECT name FROM singer",
        [
          { index: 0, sql: "SELECT name FROM singer WHERE 1", verdict: "correct", flagged: flaggedFirst },
          { index: 1, sql: "SELECT name FROM singer WHERE 2", verdict: "correct" },
          { index: 2, sql: "SELECT age FROM singer", verdict: "wrong_result" },
        ],
        { chosen: "correct-candidate", maxPairs: 1 },
      )[0]!.chosenIndex;
    expect(plan(true)).toBe(1);
    expect(plan(false)).toBe(0);
  });

  it("stores flags as a list and reads back only known names", () => {
    expect(storedFlags([])).toBeNull();
    expect(readFlags(storedFlags(["both_empty", "reads_no_table"]))).toEqual([
      "both_empty",
      "reads_no_table",
    ]);
    expect(readFlags("both_empty,not_a_flag")).toEqual(["both_empty"]);
  });
});
