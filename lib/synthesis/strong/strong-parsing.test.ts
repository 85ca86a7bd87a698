import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { parseDatabaseScript } from "@/lib/synthesis/strong/database-script";
import { planDifficulties } from "@/lib/synthesis/strong/difficulty-plan";
import { materializeDatabase } from "@/lib/synthesis/strong/materialize-database";
import { parseQuestionsAnswer } from "@/lib/synthesis/strong/questions-answer";

const script = `CREATE TABLE ports (port_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE sailings (sailing_id INTEGER PRIMARY KEY, port_id INTEGER REFERENCES ports(port_id), note TEXT);
INSERT INTO sailings VALUES (1, 2, 'a; b'), (2, 1, 'it''s late');
INSERT INTO ports VALUES (1, 'Harwich'), (2, 'Hook');`;

describe("parseDatabaseScript", () => {
  it("reads the statements of every ```sql block, with semicolons inside strings left alone", () => {
    const parsed = parseDatabaseScript(
      `Here you go:\n\`\`\`sql\n${script}\n\`\`\`\nand an index:\n\`\`\`sql\nCREATE INDEX ix ON sailings(port_id);\n\`\`\``,
    );
    expect(parsed).toMatchObject({ ok: true, tables: 2, inserts: 2 });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.statements).toHaveLength(5);
    expect(parsed.statements[2]).toContain("'a; b'");
  });

  it("refuses what a new database may not hold, naming the statement", () => {
    expect(parseDatabaseScript("```sql\nCREATE TABLE t (a INT);\nATTACH 'x.db' AS x;\n```")).toEqual({
      ok: false,
      reason: expect.stringContaining("statement 2 (ATTACH 'x.db' AS x) uses ATTACH"),
    });
    expect(
      parseDatabaseScript("```sql\nCREATE TABLE t (a INT);\nINSERT INTO t SELECT 1;\n```"),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("uses SELECT") });
    expect(parseDatabaseScript("```sql\nCREATE TABLE t (a INT);\nDROP TABLE t;\n```")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("is not CREATE TABLE, CREATE INDEX or INSERT"),
    });
    expect(parseDatabaseScript("```sql\nCREATE TABLE t (a INT);\n```")).toEqual({
      ok: false,
      reason: "the script inserts no rows",
    });
    expect(parseDatabaseScript("I would design three tables.")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("no SQL found"),
    });
  });
});

describe("parseDatabaseScript: what a synthesized database may declare", () => {
  const table = (name: string, columns: number) =>
    `CREATE TABLE ${name} (${Array.from({ length: columns }, (_, i) => `c${i} TEXT`).join(", ")})`;
  const withRows = (...creates: string[]) =>
    `\`\`\`sql\n${creates.join(";\n")};\nINSERT INTO t0 VALUES ('x');\n\`\`\``;

  it("refuses generated columns, long or short form, naming the statement and the column", () => {
    expect(
      parseDatabaseScript(
        withRows(
          "CREATE TABLE t0 (a TEXT)",
          "CREATE TABLE big (n INTEGER, s TEXT GENERATED ALWAYS AS (printf('%.*c', 100000000, 'x')) VIRTUAL)",
        ),
      ),
    ).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^statement 2 \(CREATE TABLE big .*\) declares the generated column s, which a synthesized database may not hold/,
      ),
    });
    expect(parseDatabaseScript(withRows('CREATE TABLE t0 (a TEXT, "b c" AS (a || a) STORED)'))).toMatchObject(
      { ok: false, reason: expect.stringContaining('declares the generated column "b c"') },
    );
  });

  it("still accepts AS inside a column's own expressions (CAST in CHECK and DEFAULT) and constraints after the columns", () => {
    const parsed = parseDatabaseScript(
      withRows(
        "CREATE TABLE t0 (a TEXT DEFAULT (CAST(1 AS TEXT)) CHECK (CAST(a AS INTEGER) >= 0), b INTEGER, PRIMARY KEY (a), UNIQUE (b))",
      ),
    );
    expect(parsed).toMatchObject({ ok: true, tables: 1 });
  });

  it("refuses 1000 tables of 151 columns, and a table of 201 columns, naming the count and the cap", () => {
    const many = Array.from({ length: 1000 }, (_, i) => table(`t${i}`, 151));
    expect(parseDatabaseScript(withRows(...many))).toEqual({
      ok: false,
      reason: "the script creates 1000 tables; a database may have at most 500 (SENSE_MAX_TABLES)",
    });
    expect(parseDatabaseScript(withRows(table("t0", 201)))).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^statement 1 \(CREATE TABLE t0 .*\) declares 201 columns; a table may have at most 200 \(SENSE_MAX_COLUMNS\)$/,
      ),
    });
    expect(
      parseDatabaseScript(withRows(...Array.from({ length: 500 }, (_, i) => table(`t${i}`, 200)))),
    ).toMatchObject({ ok: true, tables: 500 });
  });
});

describe("materializeDatabase", () => {
  const file = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sense-mat-")), "db.sqlite");

  it("builds the file whatever the order of the INSERTs, checking foreign keys at the end", () => {
    const target = file();
    const parsed = parseDatabaseScript(script);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(materializeDatabase(target, parsed.statements)).toEqual({ ok: true, rows: 4 });
    const db = new Database(target, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM sailings JOIN ports USING (port_id)").get()).toEqual({
      n: 2,
    });
    db.close();
  });

  it("names the failing statement, reports dangling foreign keys, and leaves no file", () => {
    const target = file();
    expect(materializeDatabase(target, ["CREATE TABLE a (x INTEGER)", "INSERT INTO b VALUES (1)"])).toEqual({
      ok: false,
      error: "statement 2 (INSERT INTO b VALUES (1)) failed: no such table: b",
    });
    expect(fs.existsSync(target)).toBe(false);
    const dangling = materializeDatabase(target, [
      "CREATE TABLE p (id INTEGER PRIMARY KEY)",
      "CREATE TABLE c (id INTEGER, p_id INTEGER REFERENCES p(id))",
      "INSERT INTO c VALUES (1, 9)",
    ]);
    expect(dangling).toEqual({
      ok: false,
      error: "1 row(s) break foreign keys, e.g. c row 1 points at a missing p row",
    });
    expect(materializeDatabase(target, ["CREATE TABLE a (x INTEGER)"])).toEqual({
      ok: false,
      error: "the database holds no rows",
    });
  });
});

describe("parseQuestionsAnswer", () => {
  it("reads a JSON array of {question, sql} in a fenced block or bare, listing entries that do not fit", () => {
    const answer =
      '```json\n[{"question": "How many ports are there?", "sql": "SELECT count(*) FROM ports;"}, {"question": "Hi"}]\n```';
    expect(parseQuestionsAnswer(answer)).toEqual({
      ok: true,
      questions: [{ question: "How many ports are there?", sql: "SELECT count(*) FROM ports" }],
      invalid: [
        {
          index: 1,
          reason: "question: question is too short; sql: Invalid input: expected string, received undefined",
        },
      ],
    });
    expect(
      parseQuestionsAnswer(
        'Sure! {"questions": [{"question": "Name every port.", "sql": "SELECT name FROM ports"}]}',
      ),
    ).toMatchObject({ ok: true, questions: [{ sql: "SELECT name FROM ports" }] });
  });

  it("says why an answer cannot be read", () => {
    expect(parseQuestionsAnswer("no idea")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("no JSON found"),
    });
    expect(parseQuestionsAnswer("[{]")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("the JSON does not parse"),
    });
    expect(parseQuestionsAnswer('[{"q": 1}]')).toMatchObject({
      ok: false,
      reason: expect.stringContaining("none of the 1 entries"),
    });
  });
});

describe("planDifficulties", () => {
  it("splits a count by the weights, largest remainders first, dropping empty levels", () => {
    expect(planDifficulties(6, { easy: 2, medium: 2, hard: 1, extra: 1 })).toEqual([
      { difficulty: "easy", count: 2 },
      { difficulty: "medium", count: 2 },
      { difficulty: "hard", count: 1 },
      { difficulty: "extra", count: 1 },
    ]);
    expect(planDifficulties(5, { easy: 1, medium: 1, hard: 0, extra: 0 })).toEqual([
      { difficulty: "easy", count: 3 },
      { difficulty: "medium", count: 2 },
    ]);
    expect(planDifficulties(1, { easy: 0, medium: 0, hard: 0, extra: 3 })).toEqual([
      { difficulty: "extra", count: 1 },
    ]);
  });
});

describe("materializeInChild", () => {
  it("builds in a child process, and stops a statement that computes too long or asks for too much memory", async () => {
    const { materializeInChild } = await import("@/lib/synthesis/strong/materialize-in-child");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-child-"));
    const parsed = parseDatabaseScript(script);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(await materializeInChild(path.join(dir, "ok.sqlite"), parsed.statements)).toEqual({
      ok: true,
      rows: 4,
    });
    const huge = [
      "CREATE TABLE t (b BLOB)",
      ...Array.from({ length: 4 }, () => "INSERT INTO t VALUES (randomblob(400000000))"),
    ];
    const memory = await materializeInChild(path.join(dir, "huge.sqlite"), huge);
    expect(memory).toMatchObject({ ok: false });
    if (!memory.ok)
      expect(memory.error).toMatch(/out of memory|string or blob too big|database or disk is full/);
    // 200 MB strings, one after another: past the kernel's 256 MiB cap (SQLite's own heap limit is a no-op here)
    const hog = [
      "CREATE TABLE t (n INTEGER)",
      `INSERT INTO t VALUES (${"length(hex(zeroblob(100000000))) + ".repeat(30)}0)`,
    ];
    expect(await materializeInChild(path.join(dir, "hog.sqlite"), hog, 20_000)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/statement 2 .* failed: out of memory$/),
    });
    const started = Date.now();
    const spin = [
      "CREATE TABLE t (n INTEGER)",
      "INSERT INTO t SELECT COUNT(*) FROM (WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x FROM r)",
    ];
    expect(await materializeInChild(path.join(dir, "spin.sqlite"), spin, 1_500)).toEqual({
      ok: false,
      error: "building the database took longer than 1.5 s and was stopped",
    });
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
