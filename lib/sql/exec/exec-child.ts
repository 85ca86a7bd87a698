// The execution child process: opens target databases read-only (kept open for reuse), runs one
// request at a time for the pool, and keeps gold results for reuse. The pool kills this process
// when a request runs too long.
import fs from "node:fs";
import type Database from "better-sqlite3";
import { openReadonly } from "@/lib/sql/open-readonly";
import { normalizeSql } from "@/lib/sql/normalize-sql";
import { failedGold, judgeCandidates, type JudgeLimits } from "@/lib/sql/exec/judge-candidates";
import { runReadOnlyQuery } from "@/lib/sql/exec/run-read-only-query";
import type { ExecFailure, ExecRequest, ExecResponse, ExecResult, JudgeResult, JudgeTask } from "@/lib/sql/exec/exec-types";

const MAX_OPEN = 32;
const MAX_GOLD = 5_000;
const MAX_GOLD_ROWS = 10_000; // larger gold results are not kept
const open = new Map<string, Database.Database>();
const goldResults = new Map<string, ExecResult>();

/** Least-recently-used lookup: a hit moves the entry to the end. */
function touch<V>(map: Map<string, V>, key: string): V | undefined {
  const value = map.get(key);
  if (value !== undefined) {
    map.delete(key);
    map.set(key, value);
  }
  return value;
}

function connection(file: string): Database.Database {
  const cached = touch(open, file);
  if (cached) return cached;
  const db = openReadonly(file);
  open.set(file, db);
  if (open.size > MAX_OPEN) {
    const [oldest, oldDb] = open.entries().next().value as [string, Database.Database];
    oldDb.close();
    open.delete(oldest);
  }
  return db;
}

function missing(file: string): ExecFailure {
  return { ok: false, kind: "missing_database", message: `Database file not found: ${file}`, elapsedMs: 0 };
}

function judgeTask(task: JudgeTask, limits: JudgeLimits): JudgeResult {
  if (!fs.existsSync(task.dbFile)) return failedGold(task, `Database file not found: ${task.dbFile}`);
  try {
    const key = `${task.dbFile}\u0000${limits.metric}\u0000${normalizeSql(task.goldSql)}`;
    return judgeCandidates(connection(task.dbFile), task, limits, (run) => {
      const hit = touch(goldResults, key);
      if (hit) return { result: hit, cached: true };
      const result = run();
      if (!result.ok || result.rowCount <= MAX_GOLD_ROWS) {
        goldResults.set(key, result);
        if (goldResults.size > MAX_GOLD) goldResults.delete(goldResults.keys().next().value as string);
      }
      return { result, cached: false };
    });
  } catch (error) {
    return failedGold(task, (error as Error).message);
  }
}

function handle(request: ExecRequest): ExecResult | JudgeResult[] {
  if (request.type === "judge") return request.tasks.map((task) => judgeTask(task, request));
  if (!fs.existsSync(request.dbFile)) return missing(request.dbFile);
  return runReadOnlyQuery(connection(request.dbFile), request.sql, request.maxRows, request.maxBytes);
}

process.on("message", (request: ExecRequest) => {
  let result: ExecResult | JudgeResult[];
  try {
    result = handle(request);
  } catch (error) {
    result = { ok: false, kind: "error", message: (error as Error).message, elapsedMs: 0 };
  }
  const response: ExecResponse = { id: request.id, result };
  process.send?.(response);
});

// Tell the pool this process is ready: time limits count from here, not from the fork.
process.send?.({ ready: true });

// When the app goes away, so does this process (between queries; a query in progress finishes first).
process.on("disconnect", () => process.exit(0));
