// Model text is hostile input: every reader of it must take time linear in its length. No clock
// here but vitest's per-test timeout: a super-linear reader does not finish inside it (200,000
// "{" took 51 s in extractSql before), a linear one takes milliseconds (figures: npm run bench:extract).
import { describe, expect, it } from "vitest";
import { extractSql } from "@/lib/llm/extract-sql";
import { parseDomainList } from "@/lib/synthesis/strong/domain-list";
import { parseDatabaseScript } from "@/lib/synthesis/strong/database-script";
import { parseQuestionsAnswer } from "@/lib/synthesis/strong/questions-answer";
import { adversarialTexts } from "@/lib/testing/adversarial-texts";

const readers = { extractSql, parseQuestionsAnswer, parseDatabaseScript, parseDomainList };

function readAll(text: string) {
  return Object.entries(readers).map(([name, read]) => [name, read(text)] as const);
}

describe("readers of model text", () => {
  it.each(adversarialTexts(200_000))(
    "read an answer of 200,000 characters (%s) within the per-test timeout",
    (shape, text) => {
      for (const [name, result] of readAll(text)) expect(result, `${name} on ${shape}`).not.toBeUndefined();
      expect(extractSql(text)).toMatchObject({ ok: false, reason: expect.any(String) }); // none of them holds a SELECT
    },
    5_000,
  );

  it("read adversarial answers as large as the client lets through (4 MiB) within the per-test timeout", () => {
    for (const [shape, text] of adversarialTexts(4 * 1024 * 1024)) {
      for (const [name, result] of readAll(text)) expect(result, `${name} on ${shape}`).not.toBeUndefined();
    }
  }, 60_000);

  it("still find what a well-formed answer holds after the adversarial prefix", () => {
    const junk = "{".repeat(50_000) + "[".repeat(50_000) + "```" + " ".repeat(50_000) + "!";
    expect(extractSql(`${junk}\n\`\`\`sql\nSELECT 1;\n\`\`\``)).toEqual({
      ok: true,
      sql: "SELECT 1",
      from: "fenced",
    });
    expect(extractSql('{"sql": "SELECT a FROM t"} or {"sql": "SELECT b FROM t"}')).toMatchObject({
      ok: false,
    }); // from the first "{" to the last "}", as before
    expect(extractSql(`Answer: {"sql": "SELECT a FROM t"} ${"x".repeat(100_000)}`)).toEqual({
      ok: true,
      sql: "SELECT a FROM t",
      from: "json",
    });
    expect(extractSql(`\`\`\`sql\nSELECT ${"x, ".repeat(10_000)}1\n\`\`\``)).toEqual({
      ok: false,
      reason: "the SQL is 30,008 characters long; at most 20,000 are taken",
    });
    expect(parseQuestionsAnswer(`[${"[".repeat(100)}]`)).toEqual({
      ok: false,
      reason: "the JSON nests deeper than 64 levels",
    });
    expect(parseDomainList(`${"x".repeat(100_000)} ["ferry timetables", "seed banks"]`)).toEqual([
      "ferry timetables",
      "seed banks",
    ]);
    expect(
      parseDatabaseScript(
        `\`\`\`sql\nCREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('${";".repeat(10_000)}x');;;\n\`\`\``,
      ),
    ).toMatchObject({ ok: true, tables: 1, inserts: 1 });
  });
});
