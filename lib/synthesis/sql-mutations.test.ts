import { describe, expect, it } from "vitest";
import { normalizeSql } from "@/lib/sql/normalize-sql";
import { generateMutants, type MutationKind } from "@/lib/synthesis/sql-mutations";

const sqlsOf = (sql: string, kind: MutationKind) =>
  generateMutants(sql, 100)
    .filter((m) => m.kind === kind)
    .map((m) => m.sql);

describe("generateMutants", () => {
  const gold =
    "SELECT T1.name, max(T2.age) FROM team AS T1 JOIN player AS T2 ON T1.id = T2.team_id WHERE T2.age >= 20 AND T1.city = 'Oslo' GROUP BY T1.id ORDER BY T1.name LIMIT 3";

  it("flips comparisons outside join conditions, and connectives", () => {
    expect(sqlsOf(gold, "flip-comparison")).toEqual([
      "SELECT T1.name, max(T2.age) FROM team AS T1 JOIN player AS T2 ON T1.id = T2.team_id WHERE T2.age <= 20 AND T1.city = 'Oslo' GROUP BY T1.id ORDER BY T1.name LIMIT 3",
      "SELECT T1.name, max(T2.age) FROM team AS T1 JOIN player AS T2 ON T1.id = T2.team_id WHERE T2.age >= 20 AND T1.city != 'Oslo' GROUP BY T1.id ORDER BY T1.name LIMIT 3",
    ]);
    expect(sqlsOf(gold, "flip-connective")).toEqual([
      expect.stringContaining("WHERE T2.age >= 20 OR T1.city = 'Oslo'"),
    ]);
  });

  it("drops the WHERE clause or one of its conditions", () => {
    expect(sqlsOf(gold, "drop-condition")).toEqual([
      "SELECT T1.name, max(T2.age) FROM team AS T1 JOIN player AS T2 ON T1.id = T2.team_id GROUP BY T1.id ORDER BY T1.name LIMIT 3",
      "SELECT T1.name, max(T2.age) FROM team AS T1 JOIN player AS T2 ON T1.id = T2.team_id WHERE T2.age >= 20 GROUP BY T1.id ORDER BY T1.name LIMIT 3",
    ]);
  });

  it("changes aggregates, sort direction, LIMIT, the column list and a join key", () => {
    expect(sqlsOf(gold, "change-aggregate")).toEqual([expect.stringContaining("min(T2.age)")]);
    expect(sqlsOf(gold, "flip-sort")).toEqual([expect.stringContaining("ORDER BY T1.name DESC LIMIT 3")]);
    expect(sqlsOf(gold, "change-limit")).toEqual([
      expect.stringMatching(/LIMIT 4$/),
      expect.stringMatching(/ORDER BY T1\.name$/),
    ]);
    expect(sqlsOf(gold, "drop-column")).toEqual([expect.stringMatching(/^SELECT T1\.name FROM team/)]);
    expect(sqlsOf(gold, "swap-join-key")).toEqual([expect.stringContaining("ON T1.name = T2.team_id")]);
  });

  it("never returns the gold itself or duplicates, keeps literals, and honours the maximum", () => {
    const all = generateMutants(gold, 100);
    const keys = all.map((m) => normalizeSql(m.sql));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain(normalizeSql(gold));
    for (const m of all)
      if (m.kind !== "flip-comparison" && m.kind !== "drop-condition") expect(m.sql).toContain("'Oslo'");
    expect(generateMutants(gold, 3)).toHaveLength(3);
  });

  it("finds clause ends by depth: a subquery's parenthesis or an aggregate call does not end a clause", () => {
    const nested =
      "SELECT name FROM members WHERE member_id NOT IN (SELECT member_id FROM loans) ORDER BY count(*)";
    expect(sqlsOf(nested, "drop-condition")).toEqual(["SELECT name FROM members ORDER BY count(*)"]);
    expect(sqlsOf(nested, "flip-sort")).toEqual([`${nested} DESC`]);
    expect(sqlsOf(nested, "flip-comparison")).toEqual([
      "SELECT name FROM members WHERE member_id IN (SELECT member_id FROM loans) ORDER BY count(*)",
    ]);
    const inner = "SELECT a FROM t WHERE b IN (SELECT b FROM u WHERE c = 1)";
    expect(sqlsOf(inner, "drop-condition")).toEqual([
      "SELECT a FROM t",
      "SELECT a FROM t WHERE b IN (SELECT b FROM u)",
    ]);
  });

  it("leaves BETWEEN's AND alone and handles a query with nothing to mutate", () => {
    expect(sqlsOf("SELECT a FROM t WHERE b BETWEEN 1 AND 5", "flip-connective")).toEqual([]);
    expect(generateMutants("SELECT name FROM t")).toEqual([]);
  });
});
