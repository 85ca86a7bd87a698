import { describe, expect, it } from "vitest";
import { parseSelectSql } from "@/lib/sql/sql-parse";
import {
  componentOne,
  componentTwo,
  countOthers,
  hardnessFromCounts,
  SqlParseError,
  spiderHardness,
} from "@/lib/sql/spider-hardness";

const c1 = (sql: string) => componentOne(parseSelectSql(sql));
const c2 = (sql: string) => componentTwo(parseSelectSql(sql));
const others = (sql: string) => countOthers(parseSelectSql(sql));

describe("eval_hardness thresholds", () => {
  it.each([
    [0, 0, 0, "easy"],
    [1, 0, 0, "easy"],
    [0, 0, 1, "medium"],
    [1, 0, 2, "medium"],
    [2, 0, 1, "medium"],
    [2, 0, 3, "hard"],
    [3, 0, 2, "hard"],
    [0, 1, 0, "hard"],
    [1, 1, 0, "hard"],
    [2, 0, 2, "extra"], // no rule covers two components with two "others"
    [4, 0, 0, "extra"],
    [3, 0, 3, "extra"],
    [2, 1, 0, "extra"],
    [1, 1, 1, "extra"],
    [0, 2, 0, "extra"],
  ] as const)("component1 %i, component2 %i, others %i: %s", (a, b, o, expected) => {
    expect(hardnessFromCounts(a, b, o)).toBe(expected);
  });
});

describe("count_component1", () => {
  it("counts WHERE, GROUP BY, ORDER BY and LIMIT once each (HAVING is not one)", () => {
    expect(c1("SELECT name FROM singer")).toBe(0);
    expect(c1("SELECT name FROM singer WHERE age > 30 AND country = 'France'")).toBe(1);
    expect(c1("SELECT country FROM singer GROUP BY country HAVING count(*) > 2")).toBe(1);
    expect(c1("SELECT name FROM singer ORDER BY age DESC LIMIT 1")).toBe(2);
    expect(c1("SELECT country FROM singer WHERE age > 1 GROUP BY country ORDER BY count(*) LIMIT 3")).toBe(4);
  });

  it("counts one per table unit beyond the first, whatever the join syntax", () => {
    expect(c1("SELECT T1.name FROM singer AS T1 JOIN concert AS T2 ON T1.id = T2.singer_id")).toBe(1);
    expect(
      c1("SELECT T1.name FROM singer T1 JOIN concert T2 ON T1.id = T2.sid JOIN stadium T3 ON T2.sid = T3.id"),
    ).toBe(2);
    expect(c1("SELECT a.name FROM singer a, concert b WHERE a.id = b.sid")).toBe(2);
    expect(c1("SELECT count(*) FROM (SELECT name FROM singer) AS s")).toBe(0); // a FROM subquery is a table unit
    expect(c1("SELECT * FROM a LEFT OUTER JOIN b USING (id)")).toBe(1);
  });

  it("counts every OR and every LIKE in ON, WHERE and HAVING", () => {
    expect(c1("SELECT a FROM t WHERE b = 1 OR b = 2 OR b = 3")).toBe(3);
    expect(c1("SELECT a FROM t WHERE b LIKE '%x%' AND c NOT LIKE \"y%\"")).toBe(3);
    expect(c1("SELECT a FROM t GROUP BY a HAVING count(*) > 1 OR sum(b) > 2")).toBe(2);
    expect(c1("SELECT a FROM t AS T1 JOIN u AS T2 ON T1.x = T2.x AND T2.y LIKE 'z'")).toBe(2);
  });

  it("reads a parenthesized group of conditions as its conditions", () => {
    expect(c1("SELECT a FROM t WHERE (b = 1 OR c = 2) AND d = 3")).toBe(2);
    expect(others("SELECT a FROM t WHERE (b = 1 OR c = 2) AND d = 3")).toBe(1);
    expect(c1("SELECT a FROM t WHERE (b + 1) * 2 > 3")).toBe(1);
  });

  it("follows the official parser: after a column-valued comparison, an OR is read as part of the value", () => {
    expect(c1("SELECT a FROM t WHERE b < c OR b > d")).toBe(1);
    expect(others("SELECT a FROM t WHERE b < c OR b > d")).toBe(0);
    expect(c1("SELECT a FROM t WHERE b < 5 OR b > 9")).toBe(2);
    expect(c1("SELECT a FROM t WHERE b < c AND d = 1 OR d = 2")).toBe(2); // the OR after a literal counts
  });

  it("looks only at the outermost query", () => {
    expect(
      c1("SELECT a FROM t WHERE b IN (SELECT b FROM u WHERE c LIKE 'x' OR d = 1 ORDER BY e LIMIT 1)"),
    ).toBe(1);
    expect(c1("SELECT a FROM t INTERSECT SELECT a FROM u WHERE b = 1 ORDER BY a LIMIT 2")).toBe(0);
  });
});

describe("count_component2", () => {
  it("counts subqueries that are condition values, one per value", () => {
    expect(c2("SELECT name FROM singer WHERE id NOT IN (SELECT singer_id FROM concert)")).toBe(1);
    expect(c2("SELECT name FROM singer WHERE age > (SELECT avg(age) FROM singer)")).toBe(1);
    expect(c2("SELECT a FROM t WHERE b BETWEEN (SELECT min(b) FROM u) AND (SELECT max(b) FROM u)")).toBe(2);
    expect(c2("SELECT a FROM t GROUP BY a HAVING count(*) > (SELECT count(*) FROM u)")).toBe(1);
    expect(c2("SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u)")).toBe(1);
  });

  it("counts INTERSECT / UNION / EXCEPT once, and not what is nested deeper", () => {
    expect(c2("SELECT a FROM t INTERSECT SELECT a FROM u")).toBe(1);
    expect(c2("SELECT a FROM t UNION SELECT a FROM u UNION SELECT a FROM v")).toBe(1);
    expect(c2("SELECT a FROM t EXCEPT SELECT a FROM u WHERE b IN (SELECT b FROM v)")).toBe(1);
    expect(c2("SELECT a FROM t WHERE b IN (SELECT b FROM u WHERE c IN (SELECT c FROM v))")).toBe(1);
  });

  it("does not count FROM subqueries or subqueries in the select list", () => {
    expect(c2("SELECT count(*) FROM (SELECT a FROM t WHERE b IN (SELECT b FROM u))")).toBe(0);
    expect(c2("SELECT (SELECT max(a) FROM t) FROM u")).toBe(0);
  });
});

describe("count_others", () => {
  it("counts more than one select item, WHERE condition and GROUP BY item", () => {
    expect(others("SELECT name FROM singer WHERE age > 1 GROUP BY name")).toBe(0);
    expect(others("SELECT name, age FROM singer")).toBe(1);
    expect(others("SELECT name FROM singer WHERE age > 1 AND age < 9")).toBe(1);
    expect(others("SELECT name FROM singer WHERE age BETWEEN 1 AND 9")).toBe(0); // BETWEEN's AND is one condition
    expect(others("SELECT a FROM t GROUP BY a, b")).toBe(1);
  });

  it("counts more than one aggregate over SELECT, GROUP BY and ORDER BY", () => {
    expect(others("SELECT count(*) FROM t ORDER BY count(*)")).toBe(1);
    expect(others("SELECT max(age), min(age) FROM singer")).toBe(2);
    expect(others("SELECT a FROM t GROUP BY a ORDER BY sum(b) + sum(c)")).toBe(1);
    expect(others("SELECT a FROM t ORDER BY sum(b)")).toBe(0);
  });

  it("follows the official count_agg: a negated WHERE condition counts, aggregates in WHERE do not", () => {
    expect(others("SELECT count(*) FROM t WHERE a NOT IN (SELECT a FROM u)")).toBe(1);
    expect(others("SELECT count(*) FROM t WHERE a IN (SELECT max(a) FROM u)")).toBe(0);
    expect(others("SELECT count(*) FROM t WHERE a IS NOT NULL")).toBe(0); // IS NOT is the operator, not a negation
  });

  it("follows the official count_agg over HAVING: each AND/OR counts, a condition only when negated", () => {
    expect(others("SELECT a FROM t GROUP BY a HAVING count(*) > 1")).toBe(0);
    expect(others("SELECT count(*) FROM t GROUP BY a HAVING count(*) > 1 AND sum(b) > 2")).toBe(1);
    expect(others("SELECT a FROM t GROUP BY a HAVING count(*) > 1 AND sum(b) > 2")).toBe(0);
    expect(others("SELECT count(*) FROM t GROUP BY a HAVING a NOT IN (SELECT a FROM u)")).toBe(1);
  });

  it("counts a select item as aggregated only when written as an aggregate call", () => {
    expect(others("SELECT count(*) + 1 FROM t ORDER BY max(a)")).toBe(1);
    expect(others("SELECT count FROM t ORDER BY max(a)")).toBe(0);
  });
});

describe("spiderHardness", () => {
  it("classifies small queries", () => {
    expect(spiderHardness("SELECT count(*) FROM singer")).toBe("easy");
    expect(spiderHardness("SELECT T2.name FROM a AS T1 JOIN b AS T2 ON T1.id = T2.id")).toBe("easy");
    expect(spiderHardness("SELECT name, country, age FROM singer ORDER BY age")).toBe("medium");
    expect(spiderHardness("SELECT name FROM singer WHERE id NOT IN (SELECT singer_id FROM concert)")).toBe(
      "hard",
    );
    expect(spiderHardness("SELECT name FROM singer WHERE age > 30 GROUP BY country ORDER BY age")).toBe(
      "hard",
    );
    expect(
      spiderHardness(
        "SELECT name FROM singer WHERE age > 30 INTERSECT SELECT name FROM singer WHERE age < 50",
      ),
    ).toBe("hard");
    expect(
      spiderHardness("SELECT name FROM singer WHERE age > 30 ORDER BY age INTERSECT SELECT name FROM singer"),
    ).toBe("extra");
    expect(spiderHardness("SELECT a FROM t WHERE b LIKE '%x%' OR c = 1 ORDER BY a LIMIT 3")).toBe("extra");
  });

  it("reads both quote styles, aliases, DISTINCT, comments and a trailing semicolon", () => {
    const sql = `SELECT DISTINCT T1.name n FROM singer T1 -- c
      JOIN concert AS T2 ON T1.id = T2.sid WHERE T2.year = "2014" AND T1.city = 'O''Hare';`;
    expect(spiderHardness(sql)).toBe("medium");
  });

  it("reads conditions written as values, windows and SQLite's null tests, without counting inside them", () => {
    expect(others("SELECT sum(a = 'x'), count(*) FROM t")).toBe(2);
    expect(c1("SELECT a FROM t WHERE iif(b > 1 OR c LIKE 'x', 1, 0) = 1")).toBe(1);
    expect(c1("SELECT a FROM t WHERE (b > 1) = (c IS NULL)")).toBe(1);
    expect(others("SELECT name LIKE 'a%' FROM t ORDER BY a IS NULL")).toBe(0);
    expect(c1("SELECT rank() OVER (PARTITION BY a ORDER BY b) FROM t")).toBe(0);
    expect(others("SELECT count(*) FROM t WHERE a NOT NULL")).toBe(0); // no negation, as IS NOT NULL
    expect(others("SELECT count(*) FROM t WHERE a ISNULL")).toBe(0);
    expect(spiderHardness("SELECT CAST(a AS DECIMAL(10, 2)) FROM t WHERE b IN () AND c = 0x1F")).toBe(
      "medium",
    );
  });

  it("throws SqlParseError, not a stack overflow, for absurdly deep nesting, and does not backtrack for ages", () => {
    expect(() => spiderHardness(`SELECT ${"(".repeat(5000)}1${")".repeat(5000)}`)).toThrow(SqlParseError);
    expect(() =>
      spiderHardness(`SELECT a FROM t WHERE ${"a IN (SELECT a FROM t WHERE ".repeat(3000)}`),
    ).toThrow(SqlParseError);
    expect(spiderHardness(`SELECT a FROM t WHERE ${"(".repeat(60)}a = 1${")".repeat(60)}`)).toBe("easy");
    const started = Date.now(); // each "(" is tried as a group of conditions once, not once per reading around it
    expect(() => spiderHardness(`SELECT a FROM t WHERE ${"(CASE WHEN ".repeat(30)}a`)).toThrow(SqlParseError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("throws SqlParseError for what is not a SELECT it can parse", () => {
    for (const bad of [
      "",
      "DELETE FROM t",
      "SELECT FROM t",
      "SELECT a FROM t WHERE",
      "SELECT a FROM (SELECT b FROM t",
      "SELECT a FROM t WHERE b = 'open",
      "SELECT a b c FROM t",
      "SELECT a FROM t; SELECT b FROM t",
      "SELECT a FROM t WHERE b NOT",
      "SELECT a FROM t GROUP a",
      "WITH x AS (SELECT 1) SELECT * FROM x",
      "SELECT CAST(a AS REAL FROM t",
    ]) {
      expect(() => spiderHardness(bad), bad).toThrow(SqlParseError);
    }
  });
});
