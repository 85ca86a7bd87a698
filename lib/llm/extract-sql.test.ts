import { describe, expect, it } from "vitest";
import { extractSql } from "@/lib/llm/extract-sql";

describe("extractSql", () => {
  it("takes the last ```sql block, without a trailing semicolon", () => {
    expect(
      extractSql("First try:\n```sql\nSELECT 1\n```\nBetter:\n```sql\nSELECT name FROM t;\n```"),
    ).toEqual({ ok: true, sql: "SELECT name FROM t", from: "fenced" });
    expect(extractSql("```\nWITH x AS (SELECT 1) SELECT * FROM x\n```")).toMatchObject({
      ok: true,
      from: "fenced",
    });
  });

  it("reads JSON answers with an sql field and bare SQL", () => {
    expect(extractSql('{"reasoning": "count rows", "sql": "SELECT count(*) FROM t"}')).toEqual({
      ok: true,
      sql: "SELECT count(*) FROM t",
      from: "json",
    });
    expect(extractSql("  select a from b ;")).toEqual({ ok: true, sql: "select a from b", from: "bare" });
  });

  it("reports what is missing instead of guessing", () => {
    expect(extractSql("")).toEqual({ ok: false, reason: "the answer is empty" });
    expect(extractSql("I am not sure.")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("no SQL found"),
    });
    expect(extractSql("```python\nprint(1)\n```")).toMatchObject({ ok: false });
    expect(extractSql("```sql\nDROP TABLE t\n```")).toEqual({
      ok: false,
      reason: "the code block does not hold a SELECT query",
    });
  });
});
