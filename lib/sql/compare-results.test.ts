import { describe, expect, it } from "vitest";
import { compareResults } from "@/lib/sql/compare-results";
import {
  removeDistinctTokens,
  spiderOrderMatters,
  stripDistinctForSpider,
} from "@/lib/sql/spider-sql-rewrite";

const spiderOutcome = (
  gold: unknown[][],
  pred: unknown[][],
  goldSql = "SELECT a, b FROM t",
  numberTyping?: "plain" | "safe-integers",
) => compareResults({ gold: { rows: gold }, pred: { rows: pred }, goldSql, metric: "spider", numberTyping });
const spider = (
  gold: unknown[][],
  pred: unknown[][],
  goldSql?: string,
  numberTyping?: "plain" | "safe-integers",
) => spiderOutcome(gold, pred, goldSql, numberTyping).match;
const birdOutcome = (gold: unknown[][], pred: unknown[][], numberTyping?: "plain" | "safe-integers") =>
  compareResults({
    gold: { rows: gold },
    pred: { rows: pred },
    goldSql: "SELECT a FROM t ORDER BY a",
    metric: "bird",
    numberTyping,
  });
const bird = (gold: unknown[][], pred: unknown[][], numberTyping?: "plain" | "safe-integers") =>
  birdOutcome(gold, pred, numberTyping).match;

describe("Spider execution match (test-suite-sql-eval result_eq)", () => {
  it("compares rows as bags: order free without 'order by', duplicates counted", () => {
    expect(spider([[1], [2]], [[2], [1]])).toBe(true);
    expect(spider([[1], [1], [2]], [[1], [2], [2]])).toBe(false);
    expect(spiderOutcome([[1], [2]], [[1], [2], [2]]).reason).toMatch(/row count differs/);
  });

  it("makes order matter when the gold SQL contains 'order by' anywhere, subqueries included", () => {
    expect(spider([[1], [2]], [[2], [1]], "SELECT a FROM t ORDER BY a")).toBe(false);
    expect(spiderOutcome([[1], [2]], [[2], [1]], "SELECT a FROM t ORDER BY a").reason).toMatch(
      /order differs/,
    );
    expect(spider([[1], [2]], [[1], [2]], "SELECT a FROM t ORDER BY a")).toBe(true);
    expect(spider([[1], [2]], [[2], [1]], "SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 5)")).toBe(false);
    // ... while only the predicted SQL's ORDER BY is irrelevant
    expect(spider([[1], [2]], [[2], [1]], "SELECT a FROM t")).toBe(true);
  });

  it("detects 'order by' only as that exact substring, after DISTINCT removal and first-statement cut", () => {
    expect(spiderOrderMatters("SELECT a FROM t ORDER BY a")).toBe(true);
    expect(spiderOrderMatters("SELECT a FROM t order  by a")).toBe(false);
    expect(spiderOrderMatters("SELECT a FROM t ORDER\nBY a")).toBe(false);
    expect(spiderOrderMatters("SELECT a FROM t WHERE b = 'x order by y'")).toBe(true);
    expect(spiderOrderMatters("SELECT a FROM t; SELECT a FROM t ORDER BY a")).toBe(false);
    expect(spider([[1], [2]], [[2], [1]], "SELECT a FROM t order  by a")).toBe(true);
  });

  it("accepts a column permutation that makes the results equal, and only a real one", () => {
    expect(
      spider(
        [
          [1, "x"],
          [2, "y"],
        ],
        [
          ["y", 2],
          ["x", 1],
        ],
      ),
    ).toBe(true);
    expect(spiderOutcome([[1, "x"]], [["x", 1]]).reason).toMatch(/another order/);
    expect(
      spider(
        [
          [1, "x"],
          [2, "y"],
        ],
        [
          ["x", 2],
          ["y", 1],
        ],
      ),
    ).toBe(false);
  });

  it("rejects columns that match as value sets (and unordered rows) but not as rows", () => {
    // every column of pred holds the bag of values of gold's columns, and each pred row is a
    // permutation of a gold row, yet no single column order aligns all rows
    const gold = [
      [1, 1, 2],
      [1, 2, 1],
      [2, 1, 1],
    ];
    const pred = [
      [1, 1, 2],
      [1, 1, 2],
      [2, 1, 1],
    ];
    expect(spider(gold, pred)).toBe(false);
    // four columns: same per-column value sets in place, same unordered rows, but no column order works
    const gold4 = [
      [1, 2, 3, 2],
      [3, 1, 2, 3],
    ];
    expect(
      spider(gold4, [
        [3, 1, 2, 2],
        [1, 2, 3, 3],
      ]),
    ).toBe(false);
    expect(
      spider(gold4, [
        [3, 2, 1, 3],
        [2, 3, 2, 1],
      ]),
    ).toBe(true);
  });

  it("with order, a column permutation must keep every row in place", () => {
    const sql = "SELECT a, b FROM t ORDER BY a";
    expect(
      spider(
        [
          [1, "x"],
          [2, "y"],
        ],
        [
          ["x", 1],
          ["y", 2],
        ],
        sql,
      ),
    ).toBe(true);
    expect(
      spider(
        [
          [1, "x"],
          [2, "y"],
        ],
        [
          ["y", 2],
          ["x", 1],
        ],
        sql,
      ),
    ).toBe(false);
  });

  it("checks column count on the first rows only after the row counts, and treats two empty results as equal", () => {
    expect(spiderOutcome([[1, 2]], [[1]]).reason).toMatch(/column count differs/);
    expect(spider([], [])).toBe(true);
    expect(spider([], [[null]])).toBe(false);
    expect(spiderOutcome([[1, 2]], [[1], [2]]).reason).toMatch(/row count differs/);
  });

  it("compares values as Python: 1 == 1.0, '1' != 1, None == None, bigint == number, blobs by bytes", () => {
    expect(spider([[1]], [[1.0]])).toBe(true);
    expect(spider([[2, 0.5]], [[2n, 0.5]])).toBe(true);
    expect(spider([["1"]], [[1]])).toBe(false);
    expect(spider([[null, 3]], [[null, 3]])).toBe(true);
    expect(spider([[null]], [[0]])).toBe(false);
    expect(spider([[Buffer.from([1, 2])]], [[new Uint8Array([1, 2])]])).toBe(true);
    expect(spider([[Buffer.from("a")]], [["a"]])).toBe(false);
    expect(spider([[NaN]], [[NaN]])).toBe(false);
  });

  it("reproduces quick_rej's str()-sorted rows: int 10 and float 10.0 equal, yet the rows are rejected", () => {
    // unorder_row sorts (10, 10.5) as (10.5, 10) ('10<' > '10.5<'), but (10.0, 10.5) stays: tuples differ
    expect(spider([[10n, 10.5]], [[10, 10.5]], "SELECT a, b FROM t", "safe-integers")).toBe(false);
    expect(spider([[10n, 10.5]], [[10n, 10.5]], "SELECT a, b FROM t", "safe-integers")).toBe(true);
    expect(spider([[10n]], [[10]], "SELECT a FROM t", "safe-integers")).toBe(true);
    expect(spider([[3n, 10.5]], [[3, 10.5]], "SELECT a, b FROM t", "safe-integers")).toBe(true);
  });

  it("finds the permutation among many interchangeable columns without enumerating them all", () => {
    const width = 12;
    const goldRow = Array.from({ length: width }, (_, i) => i % 2);
    const gold = [goldRow, goldRow.map((v) => 1 - v)];
    const pred = gold.map((row) => [...row].reverse());
    expect(spider(gold, pred)).toBe(true);
    const broken = [pred[0]!, [...pred[1]!.slice(0, width - 2), 1, 1]];
    expect(spider(gold, broken)).toBe(false);
  });
});

describe("Spider SQL preparation (postprocess, parse.remove_distinct, replace_cur_year)", () => {
  it("drops DISTINCT tokens anywhere, but not in strings, quoted names, comments or longer words", () => {
    expect(stripDistinctForSpider("SELECT DISTINCT name FROM t")).toBe("SELECT  name FROM t");
    expect(stripDistinctForSpider("SELECT count(DiStInCt a) FROM t WHERE b = 'distinct'")).toBe(
      "SELECT count( a) FROM t WHERE b = 'distinct'",
    );
    expect(removeDistinctTokens('SELECT "distinct", `distinct`, [distinct] FROM t -- distinct')).toBe(
      'SELECT "distinct", `distinct`, [distinct] FROM t -- distinct',
    );
    expect(removeDistinctTokens("SELECT distinct_count, t.distinct2 FROM t")).toBe(
      "SELECT distinct_count, t.distinct2 FROM t",
    );
    expect(removeDistinctTokens("SELECT count(distinct(a)) FROM t")).toBe("SELECT count((a)) FROM t");
  });

  it("keeps only the first statement, as sqlparse.parse(s)[0] does", () => {
    expect(removeDistinctTokens("SELECT a FROM t; SELECT DISTINCT b FROM u")).toBe("SELECT a FROM t; ");
    expect(removeDistinctTokens("SELECT a FROM t;\nSELECT b FROM u")).toBe("SELECT a FROM t;");
    expect(removeDistinctTokens("SELECT a FROM t WHERE a IN (SELECT b FROM u; )")).toBe(
      "SELECT a FROM t WHERE a IN (SELECT b FROM u; )",
    );
  });

  it("splits tokens with Python's regex classes, not JavaScript's (checked against sqlparse 0.4.2)", () => {
    // Python's \s includes \x1c-\x1f, so they are whitespace kept after the ';'; JS's \ufeff is not
    expect(removeDistinctTokens("SELECT DISTINCT a FROM t;\x1c\x1fSELECT 2")).toBe(
      "SELECT  a FROM t;\x1c\x1f",
    );
    expect(removeDistinctTokens("SELECT DISTINCT a FROM t;\ufeffSELECT 2")).toBe("SELECT  a FROM t;");
    // a word must start with [0-9_A-ZÀ-Ü] (case-insensitively, which in Python also admits İ and ı):
    // 'ł' is a token of its own, so the 'distinct' after it goes
    expect(removeDistinctTokens("SELECT łdistinct FROM t")).toBe("SELECT ł FROM t");
    expect(removeDistinctTokens("SELECT İdistinct, ıdistinct FROM t")).toBe(
      "SELECT İdistinct, ıdistinct FROM t",
    );
  });

  it("applies the official postprocess and current-year replacement", () => {
    expect(stripDistinctForSpider("SELECT a FROM t WHERE a > = 3 AND b ! = 2")).toBe(
      "SELECT a FROM t WHERE a >= 3 AND b != 2",
    );
    expect(stripDistinctForSpider("SELECT YEAR ( CURDATE() ) - age FROM t")).toBe("SELECT 2020- age FROM t");
  });
});

describe("BIRD execution match (set(pred) == set(gold))", () => {
  it("ignores order and duplicates, even when the gold SQL has ORDER BY", () => {
    expect(bird([[1], [2]], [[2], [1], [1]])).toBe(true);
    expect(bird([[1], [1], [2]], [[1], [2], [2]])).toBe(true);
    expect(spider([[1], [1], [2]], [[1], [2], [2]])).toBe(false);
    expect(bird([[1], [2]], [[1]])).toBe(false);
  });

  it("compares whole tuples, so column order matters", () => {
    expect(bird([[1, "x"]], [["x", 1]])).toBe(false);
    expect(bird([[1, "x"]], [[1, "x"]])).toBe(true);
    expect(birdOutcome([[1, "x"]], [[1]]).reason).toMatch(/column count differs/);
  });

  it("compares values with Python equality and hashing", () => {
    expect(bird([[1, null]], [[1.0, null]])).toBe(true);
    expect(bird([[10n, 10.5]], [[10, 10.5]], "safe-integers")).toBe(true);
    expect(bird([[2 ** 53 + 1]], [[BigInt(2 ** 53) + 1n]], "safe-integers")).toBe(false);
    expect(bird([["1"]], [[1]])).toBe(false);
    expect(bird([[null]], [[0]])).toBe(false);
    expect(bird([[NaN]], [[NaN]])).toBe(false);
    expect(bird([], [])).toBe(true);
    expect(bird([], [[1]])).toBe(false);
  });
});
