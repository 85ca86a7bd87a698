import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runReadOnlyQuery } from "@/lib/sql/exec/run-read-only-query";

const db = new Database(":memory:");
db.exec(
  "CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO books VALUES (1, 'Dune'), (2, 'Emma');",
);
afterAll(() => db.close());
const caps = { memoryMb: 512, tempMb: 256 };
const run = (sql: string, maxRows = 1_000, maxBytes = 2 * 1024 * 1024) =>
  runReadOnlyQuery(db, sql, maxRows, maxBytes, caps);

describe("runReadOnlyQuery's words", () => {
  it.each([
    ["SELEC * FROM books", 'near "SELEC": syntax error (line 1, column 1)'],
    ["SELECT title\nFROM books WHERE WHERE id = 1", 'near "WHERE": syntax error (line 2, column 18)'],
    ["SELECT title FROM books WHERE", "incomplete input (line 1, column 30)"],
    ["SELECT 'unclosed FROM books", `unrecognized token: "'unclosed FROM books" (line 1, column 8)`],
    ["DELET FROM books", 'near "DELET": syntax error (line 1, column 1)'],
  ])(
    "reports %j, which does not parse, as a syntax error with SQLite's message and its place",
    (sql, message) => {
      expect(run(sql)).toMatchObject({ ok: false, kind: "syntax", message });
    },
  );

  it("refuses statements that parse but do not read, even when they name what does not exist", () => {
    expect(run("DELETE FROM books")).toMatchObject({
      ok: false,
      kind: "refused",
      message: expect.stringMatching(/^Only queries that read can run/),
    });
    expect(run("DELETE FROM nowhere")).toMatchObject({
      ok: false,
      kind: "refused",
      message: expect.stringMatching(/starts with DELETE/),
    });
    expect(run("SELECT nope FROM books")).toMatchObject({
      ok: false,
      kind: "error",
      message: "no such column: nope",
    });
  });

  it("says which cap cut a result: rows or bytes", () => {
    expect(run("SELECT title FROM books ORDER BY id", 1)).toMatchObject({
      ok: true,
      rowCount: 1,
      truncated: true,
      truncatedBy: "rows",
      maxRows: 1,
    });
    expect(run("SELECT zeroblob(5000000)")).toMatchObject({
      ok: true,
      rowCount: 0,
      truncated: true,
      truncatedBy: "bytes",
      maxBytes: 2 * 1024 * 1024,
    });
    expect(run("SELECT title FROM books")).toMatchObject({ ok: true, rowCount: 2, truncated: false });
  });
});
