import { describe, expect, it } from "vitest";
import { formatSql } from "@/lib/sql/format-sql";
import { normalizeSql } from "@/lib/sql/normalize-sql";

describe("formatSql", () => {
  it("puts each clause on its own line, indents what is under it and upper-cases keywords", () => {
    const formatted = formatSql(
      "select T1.name, count(*) from branches as T1 join copies as T2 on T1.branch_id = T2.branch_id where T1.district = 'Old Town' group by T1.branch_id order by count(*) desc limit 3",
    );
    const lines = formatted.split("\n");
    for (const clause of ["SELECT", "FROM", "WHERE", "GROUP BY", "ORDER BY", "LIMIT"])
      expect(lines).toContain(clause);
    expect(lines).toContain("  branches AS T1");
    expect(lines).toContain("  JOIN copies AS T2 ON T1.branch_id = T2.branch_id");
    expect(formatSql("SELECT name FROM t WHERE x > (SELECT avg(x) FROM t)")).toContain("\n    SELECT\n");
  });

  it("keeps literals and quoted names exactly, and the query the same", () => {
    const sql = `SELECT "Name", 'it''s  here' FROM [my table] WHERE a = 'SELECT from'`;
    expect(formatSql(sql)).toContain(`'it''s  here'`);
    expect(formatSql(sql)).toContain("[my table]");
    expect(normalizeSql(formatSql(sql))).toBe(normalizeSql(sql));
    for (const q of [
      "SELECT count(*) FROM singer",
      "select T2.name from a as T1 join b as T2 on T1.id = T2.id where T1.x = 1 intersect select name from c",
      "WITH x AS (SELECT 1 AS v) SELECT v FROM x",
    ]) {
      expect(normalizeSql(formatSql(q))).toBe(normalizeSql(q));
    }
  });

  it("shows SQL it cannot parse as written", () => {
    expect(formatSql("SELECT (((")).toBe("SELECT (((");
  });
});
