import { describe, expect, it } from "vitest";
import { normalizeSql, sqlTemplate } from "@/lib/sql/normalize-sql";

describe("normalizeSql", () => {
  it("makes differently typed copies of a query equal", () => {
    const a = "SELECT  name ,count(*)\nFROM singer -- who sings\nWHERE age > 30 ;";
    const b = "select name, COUNT( * ) from SINGER /* all */ where age>30";
    expect(normalizeSql(a)).toBe("select name , count ( * ) from singer where age > 30");
    expect(normalizeSql(b)).toBe(normalizeSql(a));
  });

  it("keeps string literals and quoted identifiers exactly", () => {
    expect(normalizeSql("SELECT \"Full  Name\" FROM t WHERE c = 'New  York' AND d = 'it''s'")).toBe(
      "select \"Full  Name\" from t where c = 'New  York' and d = 'it''s'",
    );
    expect(normalizeSql("SELECT 1 WHERE x = 'A'")).not.toBe(normalizeSql("SELECT 1 WHERE x = 'a'"));
  });

  it("keeps multi-character operators together and tells different queries apart", () => {
    expect(normalizeSql("SELECT a FROM t WHERE a<>1")).toBe("select a from t where a <> 1");
    expect(normalizeSql("SELECT a FROM t WHERE a >= 1")).not.toBe(normalizeSql("SELECT a FROM t WHERE a > 1"));
  });
});

describe("sqlTemplate", () => {
  it("replaces string and number literals but not identifiers with digits", () => {
    expect(sqlTemplate("SELECT t1.name FROM T1 WHERE age > 30 AND city = 'Paris' LIMIT 5")).toBe(
      "select t1 . name from t1 where age > ? and city = ? limit ?",
    );
    expect(sqlTemplate("SELECT a FROM t WHERE b = -2.5")).toBe(sqlTemplate("select a from t where b = 7"));
  });
});
