import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { cachedPreviews } from "@/lib/databases/cached-previews";
import { ExecPool } from "@/lib/sql/exec/exec-pool";
import type { SqlRunner } from "@/lib/sql/introspect-sqlite";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

const SLOW_EXPRESSION = Array.from({ length: 200 }, () => "length(hex(zeroblob(20000000)))").join(" + ");

describe("cachedPreviews", () => {
  const pool = new ExecPool(1);
  afterAll(() => pool.close());
  let runs = 0;
  const counting: SqlRunner = { run: (...args) => (runs++, pool.run(...args)) };
  const file = writeSqlite(
    path.join(env.dataDir, "incoming", "cached.sqlite"),
    `CREATE TABLE heavy (id INTEGER PRIMARY KEY); INSERT INTO heavy VALUES (1);
     ALTER TABLE heavy ADD COLUMN big INTEGER GENERATED ALWAYS AS (${SLOW_EXPRESSION}) VIRTUAL;
     CREATE TABLE plain (id INTEGER PRIMARY KEY); INSERT INTO plain VALUES (7);`,
  );

  it("reads each table of a file once, a slow one included; views at the same time share the reading", async () => {
    const [first, second] = await Promise.all([
      cachedPreviews(counting, file, "v1", ["heavy", "plain"], 5),
      cachedPreviews(counting, file, "v1", ["heavy", "plain"], 5),
    ]);
    expect(runs).toBe(2);
    expect(first).toEqual(second);
    expect(first?.[0]?.error).toMatch(/took longer than|needed more than \d+ MB of memory/); // whichever limit of the sandbox it meets first
    expect(first?.[1]).toMatchObject({ rows: [[7]], error: null });
    expect(await cachedPreviews(counting, file, "v1", ["plain", "heavy"], 5)).toEqual([
      first?.[1],
      first?.[0],
    ]);
    expect(runs).toBe(2);
    await cachedPreviews(counting, file, "v2", ["plain"], 5); // another version of the file is read again
    expect(runs).toBe(3);
  });
});
