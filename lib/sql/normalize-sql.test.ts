import { describe, expect, it } from "vitest";
import { normalizeSql, sqlTemplate, tokenizeSql } from "@/lib/sql/normalize-sql";

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
    expect(normalizeSql("SELECT `My Col`, [Other Col] FROM T")).toBe("select `My Col` , [Other Col] from t");
    expect(normalizeSql("SELECT 1 WHERE x = 'A'")).not.toBe(normalizeSql("SELECT 1 WHERE x = 'a'"));
  });

  it("does not treat comment markers or semicolons inside literals as such", () => {
    expect(normalizeSql("SELECT a FROM t WHERE b = '-- not a comment /* nor this */;'")).toBe(
      "select a from t where b = '-- not a comment /* nor this */;'",
    );
  });

  it("drops comments, a trailing semicolon and the white space around it", () => {
    expect(normalizeSql("  /* head */ SELECT a\n\tFROM t -- tail\n ;  \n")).toBe("select a from t");
    expect(normalizeSql("SELECT a /* x */ FROM t;;")).toBe("select a from t");
  });

  it("keeps multi-character operators together and tells different queries apart", () => {
    expect(normalizeSql("SELECT a FROM t WHERE a<>1")).toBe("select a from t where a <> 1");
    expect(normalizeSql("SELECT a FROM t WHERE a >= 1")).not.toBe(
      normalizeSql("SELECT a FROM t WHERE a > 1"),
    );
    expect(normalizeSql("SELECT a||b FROM t WHERE c!=2")).toBe("select a || b from t where c != 2");
  });

  it("keeps the original text of tokens", () => {
    expect(tokenizeSql("SELECT 'a' FROM t").map((t) => [t.kind, t.text])).toEqual([
      ["word", "SELECT"],
      ["string", "'a'"],
      ["word", "FROM"],
      ["word", "t"],
    ]);
  });
});

describe("sqlTemplate", () => {
  it("replaces string and number literals but not identifiers with digits", () => {
    expect(sqlTemplate("SELECT t1.name FROM T1 WHERE age > 30 AND city = 'Paris' LIMIT 5")).toBe(
      "select t1 . name from t1 where age > ? and city = ? limit ?",
    );
    expect(sqlTemplate("SELECT a FROM t WHERE b = -2.5")).toBe(sqlTemplate("select a from t where b = 7"));
  });

  it("gives queries that differ only in values the same template", () => {
    const a = sqlTemplate("SELECT name FROM singer WHERE country = 'France' AND age BETWEEN 20 AND 30");
    const b = sqlTemplate("select name from singer where country = 'Japan' and age between 1 and 99;");
    expect(a).toBe(b);
    expect(a).toBe("select name from singer where country = ? and age between ? and ?");
  });

  it("treats double-quoted text as a value where a value goes, and as a name elsewhere", () => {
    expect(sqlTemplate('SELECT "Full Name" FROM t WHERE city = "Paris" OR name LIKE "%a%"')).toBe(
      'select "Full Name" from t where city = ? or name like ?',
    );
    expect(sqlTemplate("SELECT a FROM t WHERE b IN (\"x\", 'y', 3)")).toBe(
      "select a from t where b in ( ? , ? , ? )",
    );
    expect(sqlTemplate('SELECT count("x") FROM t')).toBe('select count ( "x" ) from t');
  });

  it("templates hexadecimal numbers and keeps shift operators whole", () => {
    expect(sqlTemplate("SELECT a FROM t WHERE b & 0x1F = 0XFF AND c << 2 > 8")).toBe(
      "select a from t where b & ? = ? and c << ? > ?",
    );
  });

  it("keeps a binary minus and folds only a sign", () => {
    expect(sqlTemplate("SELECT a - 5 FROM t")).toBe("select a - ? from t");
    expect(sqlTemplate("SELECT (a) - 5 FROM t")).toBe("select ( a ) - ? from t");
    expect(sqlTemplate("SELECT a FROM t WHERE b > -1 AND c = (-2)")).toBe(
      "select a from t where b > ? and c = ( ? )",
    );
  });
});
