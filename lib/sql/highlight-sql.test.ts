import { describe, expect, it } from "vitest";
import { highlightSql } from "@/lib/sql/highlight-sql";

describe("highlightSql", () => {
  const sql = `SELECT "first name", count(*) FROM people -- adults\nWHERE age >= 18 AND city = 'Lyon''s' AND note IS NULL`;

  it("names keywords, quoted identifiers, numbers, strings and comments by the SQLite grammar", () => {
    const kinds = highlightSql(sql)
      .filter((run) => run.kind)
      .map((run) => [run.text, run.kind]);
    expect(kinds).toEqual([
      ["SELECT", "keyword"],
      ['"first name"', "quoted"],
      ["count", "keyword"],
      ["FROM", "keyword"],
      ["-- adults", "comment"],
      ["WHERE", "keyword"],
      ["18", "number"],
      ["AND", "keyword"],
      ["'Lyon''s'", "string"],
      ["AND", "keyword"],
      ["IS", "keyword"],
      ["NULL", "number"],
    ]);
  });

  it("keeps every character: the runs join back to the SQL", () => {
    expect(
      highlightSql(sql)
        .map((run) => run.text)
        .join(""),
    ).toBe(sql);
    expect(
      highlightSql("")
        .map((run) => run.text)
        .join(""),
    ).toBe("");
  });

  it("reads backquoted names as names and leaves broken SQL as text, not an error", () => {
    expect(highlightSql("SELECT `order` FROM t")).toContainEqual({ text: "`order`", kind: "quoted" });
    expect(
      highlightSql("SELEC * FROM 'unclosed")
        .map((run) => run.text)
        .join(""),
    ).toBe("SELEC * FROM 'unclosed");
  });
});
