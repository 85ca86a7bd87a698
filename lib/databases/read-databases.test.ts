import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { getDatabaseDetail } from "@/lib/databases/read-databases";
import { registerDatabase } from "@/lib/databases/register-database";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

// A VIRTUAL generated column that takes many seconds to compute for each row it is read in (bounded
// memory: each hex() is 40 MB and dropped at once).
const SLOW_EXPRESSION = Array.from({ length: 200 }, () => "length(hex(zeroblob(20000000)))").join(" + ");

describe("getDatabaseDetail", () => {
  const hostile = writeSqlite(
    path.join(env.dataDir, "incoming", "hostile.sqlite"),
    `CREATE TABLE heavy (id INTEGER PRIMARY KEY, big INTEGER GENERATED ALWAYS AS (${SLOW_EXPRESSION}) VIRTUAL);
     INSERT INTO heavy (id) VALUES (1), (2), (3), (4), (5);
     CREATE TABLE plain (id INTEGER PRIMARY KEY, name TEXT);
     INSERT INTO plain VALUES (1, 'pen'), (2, 'ink');`,
  );

  it("shows a generated column in the schema, marked, as an upload brings it", async () => {
    const db = await registerDatabase({ name: "hostile_schema", sourceFile: hostile, source: "upload" });
    const heavy = JSON.parse(db.schemaJson ?? "{}").tables.find((t: { name: string }) => t.name === "heavy");
    expect(heavy.columns.map((c: { name: string }) => c.name)).toEqual(["id", "big"]);
    expect(heavy.columns[1]).toMatchObject({ name: "big", generated: "virtual" });
    expect(heavy.rowCount).toBe(5);
  });

  it("reads first rows in the sandbox: a table whose rows cost too much to compute is reported with the limit it met, the others are shown", async () => {
    await registerDatabase({ name: "hostile_rows", sourceFile: hostile, source: "upload" });
    const detail = await getDatabaseDetail("hostile_rows");
    const heavy = detail.previews.find((p) => p.table === "heavy");
    expect(heavy).toMatchObject({
      rows: [],
      error: expect.stringMatching(
        /^Not read: (its rows took longer than \d+ ms to compute and the query was stopped|The query needed more than \d+ MB of memory and was stopped)\.$/,
      ),
    }); // the sandbox's time or memory limit, whichever comes first
    expect(detail.previews.find((p) => p.table === "plain")).toMatchObject({
      columns: ["id", "name"],
      rows: [
        [1, "pen"],
        [2, "ink"],
      ],
      error: null,
    });
    // a second view gets the same answer from what the first one read, without computing again
    expect((await getDatabaseDetail("hostile_rows")).previews).toEqual(detail.previews);
  });

  it("returns one page of tables (and of previews) at a time, with every table's name for the index", async () => {
    const sql = Array.from(
      { length: 60 },
      (_, i) =>
        `CREATE TABLE t${String(i).padStart(2, "0")} (id INTEGER PRIMARY KEY); INSERT INTO t${String(i).padStart(2, "0")} VALUES (${i});`,
    ).join("\n");
    await registerDatabase({
      name: "many_tables",
      sourceFile: writeSqlite(path.join(env.dataDir, "incoming", "many.sqlite"), `BEGIN; ${sql} COMMIT;`),
      source: "upload",
    });
    const first = await getDatabaseDetail("many_tables");
    expect(first.tablePage).toEqual({ page: 1, pages: 3, first: 1, last: 25, totalTables: 60 });
    expect(first.schema?.tables.map((t) => t.name)).toEqual(
      Array.from({ length: 25 }, (_, i) => `t${String(i).padStart(2, "0")}`),
    );
    expect(first.previews.map((p) => p.table)).toEqual(first.schema?.tables.map((t) => t.name));
    expect(first.tableIndex).toHaveLength(60);
    expect(first.tableIndex.at(-1)).toEqual({ name: "t59", page: 3, columns: 1 });
    const last = await getDatabaseDetail("many_tables", { page: 3 });
    expect(last.schema?.tables.map((t) => t.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `t${50 + i}`),
    );
    expect(last.previews.at(-1)).toMatchObject({ table: "t59", rows: [[59]] });
    expect((await getDatabaseDetail("many_tables", { page: 9 })).tablePage.page).toBe(3);
  });

  it("puts fewer tables on a page when they are wide: at most 1,000 columns a page", async () => {
    const sql = Array.from(
      { length: 12 },
      (_, i) =>
        `CREATE TABLE w${String(i).padStart(2, "0")} (${Array.from({ length: 200 }, (_, c) => `c${c} TEXT`).join(", ")});`,
    ).join("\n");
    await registerDatabase({
      name: "wide_tables",
      sourceFile: writeSqlite(path.join(env.dataDir, "incoming", "wide.sqlite"), `BEGIN; ${sql} COMMIT;`),
      source: "upload",
    });
    const first = await getDatabaseDetail("wide_tables");
    expect(first.tablePage).toEqual({ page: 1, pages: 3, first: 1, last: 5, totalTables: 12 });
    expect(first.schema?.tables.reduce((n, t) => n + t.columns.length, 0)).toBe(1000);
    expect((await getDatabaseDetail("wide_tables", { page: 3 })).tablePage).toMatchObject({
      first: 11,
      last: 12,
    });
  });
});
