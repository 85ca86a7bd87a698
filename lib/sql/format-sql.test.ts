import { describe, expect, it } from "vitest";
import { formatSql } from "@/lib/sql/format-sql";
import { normalizeSql } from "@/lib/sql/normalize-sql";

describe("formatSql", () => {
  it("puts each clause on its own line, indents subqueries and upper-cases keywords", () => {
    expect(formatSql("select T1.name, count(*) from branches as T1 join copies as T2 on T1.branch_id = T2.branch_id where T1.district = 'Old Town' group by T1.branch_id order by count(*) desc limit 3")).toBe(
      ["SELECT T1.name, count(*)", "FROM branches AS T1", "JOIN copies AS T2 ON T1.branch_id = T2.branch_id", "WHERE T1.district = 'Old Town'", "GROUP BY T1.branch_id", "ORDER BY count(*) DESC", "LIMIT 3"].join("\n"),
    );
    expect(formatSql("SELECT name FROM t WHERE x > (SELECT avg(x) FROM t) AND y IN (1, 2)")).toBe(["SELECT name", "FROM t", "WHERE x > (SELECT avg(x)", "  FROM t) AND y IN (1, 2)"].join("\n"));
    expect(formatSql("select a from t left join u on t.id = u.id union select b from v")).toBe(["SELECT a", "FROM t", "LEFT JOIN u ON t.id = u.id", "UNION SELECT b", "FROM v"].join("\n"));
  });

  it("keeps literals and quoted names exactly, and the query the same", () => {
    const sql = `SELECT "Name", 'it''s  here' FROM [my table] WHERE a = 'SELECT from'`;
    expect(formatSql(sql)).toContain(`'it''s  here'`);
    expect(normalizeSql(formatSql(sql))).toBe(normalizeSql(sql));
    for (const q of ["SELECT count(*) FROM singer", "select T2.name from a as T1 join b as T2 on T1.id = T2.id where T1.x = 1 intersect select name from c", "WITH x AS (SELECT 1 AS v) SELECT v FROM x"]) {
      expect(normalizeSql(formatSql(q))).toBe(normalizeSql(q));
    }
  });
});
