import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SqlParseError, spiderHardness } from "@/lib/sql/spider-hardness";

describe("spiderHardness rules", () => {
  it("easy: at most one component, nothing else", () => {
    expect(spiderHardness("SELECT count(*) FROM singer")).toBe("easy");
    expect(spiderHardness("SELECT name FROM singer WHERE age > 30")).toBe("easy");
  });

  it("medium: two components, or one with up to two 'others'", () => {
    expect(spiderHardness("SELECT name FROM singer WHERE age > 30 ORDER BY age")).toBe("medium"); // where + order by
    expect(spiderHardness("SELECT name, country, age FROM singer")).toBe("medium"); // >1 select column
    expect(spiderHardness("SELECT T2.name FROM a AS T1 JOIN b AS T2 ON T1.id = T2.id")).toBe("easy"); // a join alone counts 1
    expect(spiderHardness("SELECT T2.name FROM a AS T1 JOIN b AS T2 ON T1.id = T2.id WHERE T1.x = 1")).toBe("medium");
  });

  it("hard: one nested query alone, or three components", () => {
    expect(spiderHardness("SELECT name FROM singer WHERE id NOT IN (SELECT singer_id FROM concert)")).toBe("hard");
    expect(spiderHardness("SELECT name FROM singer WHERE age > 30 GROUP BY country ORDER BY age")).toBe("hard");
  });

  it("extra: a nested query with anything else, or many components", () => {
    expect(spiderHardness("SELECT name FROM singer WHERE age > 30 INTERSECT SELECT name FROM singer WHERE age < 50")).toBe("hard");
    expect(spiderHardness("SELECT name FROM singer WHERE age > 30 ORDER BY age INTERSECT SELECT name FROM singer")).toBe("extra");
    expect(spiderHardness("SELECT a FROM t WHERE b LIKE '%x%' OR c = 1 ORDER BY a LIMIT 3")).toBe("extra");
  });

  it("counts LIKE and OR as components, and BETWEEN's AND as part of one condition", () => {
    expect(spiderHardness("SELECT a FROM t WHERE b LIKE '%x%'")).toBe("medium"); // where + like
    expect(spiderHardness("SELECT a FROM t WHERE b BETWEEN 1 AND 5")).toBe("easy");
    expect(spiderHardness("SELECT a FROM t WHERE b = 1 OR b = 2")).toBe("medium"); // where + or, and >1 condition
  });

  it("follows the official count of aggregates: several select aggregates count once", () => {
    expect(spiderHardness("SELECT max(age), min(age) FROM singer")).toBe("medium"); // aggs > 1 and >1 select item: others 2
  });

  it("throws SqlParseError for what is not a SELECT", () => {
    expect(() => spiderHardness("DELETE FROM t")).toThrow(SqlParseError);
  });
});

const devFile = path.resolve(__dirname, "../../../shared/data/spider/dev.json");

describe.skipIf(!fs.existsSync(devFile))(`Spider dev hardness distribution (needs ${devFile})`, () => {
  it("matches the official evaluator: easy 248, medium 446, hard 174, extra 166", () => {
    const dev = JSON.parse(fs.readFileSync(devFile, "utf8")) as { query: string }[];
    const counts: Record<string, number> = {};
    for (const d of dev) counts[spiderHardness(d.query)] = (counts[spiderHardness(d.query)] ?? 0) + 1;
    expect(counts).toEqual({ easy: 248, medium: 446, hard: 174, extra: 166 });
  });
});
