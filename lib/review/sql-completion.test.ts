import { describe, expect, it } from "vitest";
import { completionsFor, wordBeforeCaret } from "@/components/sql/sql-completion";
import { identifiersUsed } from "@/lib/review/sql-identifiers";
import { diffResults } from "@/lib/review/result-diff";

describe("schema completion", () => {
  it("completes the identifier before the caret from the schema's names, shortest first", () => {
    expect(wordBeforeCaret("SELECT ti", 9)).toEqual({ word: "ti", start: 7 });
    expect(wordBeforeCaret("SELECT ", 7)).toBeNull();
    expect(completionsFor("bo", ["books", "book_id", "branches", "BOOKS"])).toEqual(["books", "BOOKS", "book_id"]);
    expect(completionsFor("books", ["books"])).toEqual([]);
  });
});

describe("identifiersUsed", () => {
  it("finds the tables and their columns a SQL names, quoted or not, in any case", () => {
    const schema = {
      source: "file" as const,
      tables: [
        { name: "books", columns: [{ name: "title", type: "TEXT", notNull: false, primaryKey: false }, { name: "pages", type: "INT", notNull: false, primaryKey: false }], primaryKey: [], foreignKeys: [], rowCount: 1 },
        { name: "Members", columns: [{ name: "name", type: "TEXT", notNull: false, primaryKey: false }], primaryKey: [], foreignKeys: [], rowCount: 1 },
      ],
    };
    expect(identifiersUsed(schema, ['SELECT "Title" FROM BOOKS WHERE pages > 3'])).toEqual({ tables: ["books"], columns: ["books.title", "books.pages"] });
    expect(identifiersUsed(schema, ["SELECT name FROM members"])).toEqual({ tables: ["Members"], columns: ["Members.name"] });
  });
});

describe("diffResults", () => {
  const ok = (rows: (string | number | null)[][], columns = ["a"]) => ({ ok: true as const, columns, rows, rowCount: rows.length, truncated: false, elapsedMs: 1 });
  it("tells error from rows, and lists rows missing or extra as multisets", () => {
    expect(diffResults(ok([[1]]), { ok: false, message: "no such column: x" })).toEqual({ kind: "rejected_failed", message: "no such column: x" });
    expect(diffResults({ ok: false, message: "x" }, ok([[1]]))).toEqual({ kind: "chosen_failed" });
    expect(diffResults(ok([[1], [2]]), ok([[2], [1]]))).toEqual({ kind: "same_rows" });
    expect(diffResults(ok([[1], [1], [2]]), ok([[1], [3]]))).toMatchObject({ kind: "rows_differ", missing: [[1], [2]], extra: [[3]], missingCount: 2, extraCount: 1, columnsDiffer: false });
    expect(diffResults(ok([[1]]), ok([[1, 2]], ["a", "b"]))).toMatchObject({ kind: "rows_differ", columnsDiffer: true });
  });
});
