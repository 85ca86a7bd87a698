import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { ExecPool } from "@/lib/sql/exec/exec-pool";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

const file = writeSqlite(
  path.join(env.dataDir, "exec-cancel", "tiny.sqlite"),
  "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);",
);
const RUNAWAY = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
const pool = new ExecPool(1);
afterAll(() => pool.close());

/** Resolves once `ready()` holds, checking on each turn of the event loop. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setImmediate(resolve));
}

describe("cancelling a run", () => {
  it("kills the process of a cancelled runaway query (its time limit far away) and the pool answers the next query", async () => {
    const controller = new AbortController();
    const before = pool.stats();
    const running = pool.run(file, RUNAWAY, { timeoutMs: 600_000, signal: controller.signal });
    await until(() => pool.stats().busy === 1);
    controller.abort();
    expect(await running).toMatchObject({
      ok: false,
      kind: "cancelled",
      message: "The query was cancelled and stopped.",
    });
    expect(pool.stats()).toMatchObject({ busy: 0, processesEnded: before.processesEnded + 1 });
    expect(await pool.run(file, "SELECT x FROM t")).toMatchObject({ ok: true, rows: [[1]] });
  });

  it("a run cancelled before it starts never runs", async () => {
    const controller = new AbortController();
    controller.abort();
    const before = pool.stats();
    expect(await pool.run(file, RUNAWAY, { signal: controller.signal })).toMatchObject({
      ok: false,
      kind: "cancelled",
    });
    expect(pool.stats()).toMatchObject({ busy: 0, processesEnded: before.processesEnded });
  });
});
