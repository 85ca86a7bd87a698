// A query's time limit counts the CPU its process used, not the wall clock: on a saturated machine
// (the execution processes run ten niceness steps below the server) a quick query may wait longer
// than its limit for a core, and was stopped as a runaway (the gold of a judge batch then "failed").
// Stopping every execution process with SIGSTOP stands in for that starvation. A query that never
// gets its CPU is still stopped, at ten times its limit in wall time.
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { ExecPool } from "@/lib/sql/exec/exec-pool";
import { cpuTimeReads } from "@/lib/sql/exec/process-cpu-time";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

const file = writeSqlite(
  path.join(env.dataDir, "exec-cpu", "shop.sqlite"),
  `CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO items VALUES (1, 'pen'), (2, 'ink');`,
);
const pool = new ExecPool(1);
afterAll(() => pool.close());

/** This process's execution children (their command line names sql-exec-child). */
function execChildren(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "latin1");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return (
          ppid === process.pid && fs.readFileSync(`/proc/${pid}/cmdline`, "latin1").includes("sql-exec-child")
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

const signalAll = (pids: number[], signal: NodeJS.Signals) =>
  pids.forEach((pid) => process.kill(pid, signal));

describe("a query's time limit", () => {
  it("is not reached while its process waits for a core: a starved quick gold and candidate are judged", async () => {
    await pool.forLane("jobs").warmUp();
    const children = execChildren();
    expect(children.length).toBeGreaterThan(0);
    const reads = cpuTimeReads.count;
    const judged = pool.judge(
      [{ dbFile: file, goldSql: "SELECT count(*) FROM items", candidates: ["SELECT 2"] }],
      "bird",
      { lane: "jobs", timeoutMs: 300 },
    );
    signalAll(children, "SIGSTOP"); // starved until the pool has checked the limit (its start, then the check at 300 ms)
    while (cpuTimeReads.count < reads + 2) await sleep(5);
    signalAll(children, "SIGCONT");
    const [result] = await judged;
    expect(result!.goldError).toBeNull();
    expect(result!.verdicts).toEqual([
      { match: true, predError: null, reason: "same set of rows", flags: ["single_small_value"] }, // a lone count
    ]);
  });

  it("stops a query that never gets its CPU at ten times the limit in wall time", async () => {
    await pool.forLane("jobs").warmUp();
    const children = execChildren();
    const started = performance.now();
    const judged = pool.judge(
      [{ dbFile: file, goldSql: "SELECT count(*) FROM items", candidates: ["SELECT 2"] }],
      "bird",
      { lane: "jobs", timeoutMs: 200 },
    );
    signalAll(children, "SIGSTOP");
    const [result] = await judged;
    signalAll(
      children.filter((pid) => fs.existsSync(`/proc/${pid}`)),
      "SIGCONT",
    );
    expect(result!.goldError).toMatchObject({ kind: "timeout" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(2_000 - 50);
  });
});
