import { describe, expect, it } from "vitest";
import { compareResults, stripDistinctForSpider } from "@/lib/sql/compare-results";

const spider = (gold: unknown[][], pred: unknown[][], goldSql = "SELECT a, b FROM t") =>
  compareResults({ gold: { rows: gold }, pred: { rows: pred }, goldSql, metric: "spider" }).match;
const bird = (gold: unknown[][], pred: unknown[][]) =>
  compareResults({ gold: { rows: gold }, pred: { rows: pred }, goldSql: "SELECT 1", metric: "bird" }).match;

describe("Spider execution match (test-suite semantics)", () => {
  it("compares rows as bags: duplicates count, order does not without ORDER BY", () => {
    expect(spider([[1], [2]], [[2], [1]])).toBe(true);
    expect(spider([[1], [1], [2]], [[1], [2], [2]])).toBe(false);
    expect(spider([[1], [2]], [[1], [2], [2]])).toBe(false);
  });

  it("makes order matter only when the gold SQL has ORDER BY", () => {
    const ordered = "SELECT a FROM t ORDER BY a";
    expect(spider([[1], [2]], [[2], [1]], ordered)).toBe(false);
    expect(spider([[1], [2]], [[1], [2]], ordered)).toBe(true);
    // the official check is a substring test on the whole gold SQL, subqueries included
    expect(spider([[1], [2]], [[2], [1]], "SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 5)")).toBe(false);
  });

  it("accepts a column permutation that makes the results equal", () => {
    expect(spider([[1, "x"], [2, "y"]], [["y", 2], ["x", 1]])).toBe(true);
    expect(spider([[1, "x"], [2, "y"]], [["x", 2], ["y", 1]])).toBe(false);
  });

  it("rejects a permutation whose columns match as sets but whose rows do not", () => {
    // every predicted column holds the same values as some gold column, but no permutation aligns the rows
    expect(spider([[1, 1, 2], [2, 2, 1]], [[1, 2, 1], [2, 1, 2]])).toBe(true);
    expect(spider([[1, 2, 3], [4, 5, 6]], [[1, 5, 3], [4, 2, 6]])).toBe(false);
  });

  it("needs the same number of columns, except that two empty results are equal", () => {
    expect(spider([[1, 2]], [[1]])).toBe(false);
    expect(spider([], [])).toBe(true);
    expect(spider([], [[null]])).toBe(false);
  });

  it("compares values as Python does: 1 == 1.0, '1' != 1, NULL == NULL", () => {
    expect(spider([[1]], [[1.0]])).toBe(true);
    expect(spider([["1"]], [[1]])).toBe(false);
    expect(spider([[null, 3]], [[null, 3]])).toBe(true);
    expect(spider([[null]], [[0]])).toBe(false);
    expect(spider([[Buffer.from([1])]], [[Buffer.from([1])]])).toBe(true);
    expect(spider([[5n]], [[5]])).toBe(true);
  });

  it("strips DISTINCT tokens from the SQL the way the official runner does, never inside quotes", () => {
    expect(stripDistinctForSpider("SELECT DISTINCT name FROM t")).toBe("SELECT  name FROM t");
    expect(stripDistinctForSpider("SELECT count(distinct a) FROM t WHERE b = 'distinct'")).toBe("SELECT count( a) FROM t WHERE b = 'distinct'");
    expect(stripDistinctForSpider("SELECT distinct_count FROM t")).toBe("SELECT distinct_count FROM t");
  });
});

describe("BIRD execution match (set semantics)", () => {
  it("ignores order and duplicates", () => {
    expect(bird([[1], [2]], [[2], [1], [1]])).toBe(true);
    expect(bird([[1], [2]], [[1]])).toBe(false);
  });

  it("compares whole rows, so column order matters", () => {
    expect(bird([[1, "x"]], [["x", 1]])).toBe(false);
    expect(bird([[1, "x"]], [[1, "x"]])).toBe(true);
  });

  it("compares values as Python does and treats two empty results as equal", () => {
    expect(bird([[1, null]], [[1.0, null]])).toBe(true);
    expect(bird([["1"]], [[1]])).toBe(false);
    expect(bird([], [])).toBe(true);
    expect(bird([], [[1]])).toBe(false);
  });
});
