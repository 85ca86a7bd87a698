// What an execution child process does (lib/entries/sql-exec-child.ts starts it): opens target
// databases read-only (kept open for reuse), answers one request at a time for the pool, and keeps
// gold results for reuse. The pool starts the process under a memory cap and a cap on the size of
// any file it writes (see exec-process.ts); it kills it when a query runs too long. A judge request
// reports on two pipes which query runs (fd 5) and, every few milliseconds, what it has judged (fd 4),
// so that the pool times each query by itself and keeps what was judged before one is stopped. After
// a query went past a cap, the process answers and then is replaced: memory it took goes back to the
// system.
import "server-only";
import fs from "node:fs";
import type Database from "better-sqlite3";
import { openReadonly } from "@/lib/sql/open-readonly";
import { normalizeSql } from "@/lib/sql/normalize-sql";
import { describeFailure, failedGold, judgeCandidates } from "@/lib/sql/exec/judge-candidates";
import { runReadOnlyQuery } from "@/lib/sql/exec/run-read-only-query";
import { startWatchdog } from "@/lib/sql/exec/exec-watchdog";
import type {
  CandidateVerdict,
  ExecFailure,
  ExecRequest,
  ExecResult,
  JudgeReport,
  JudgeRequest,
  ResourceCaps,
  RunRequest,
  RunResponse,
} from "@/lib/sql/exec/exec-types";

const MAX_OPEN = 32;
const MAX_GOLD = 5_000;
const MAX_GOLD_ROWS = 10_000; // larger gold results are not kept
const PROGRESS_FD = 4;
const WATCHDOG_FD = 5;
// Progress: which query runs, through the watchdog (fd 5); what was judged, in one JSON line on
// fd 4, as a query starts once REPORT_MS have passed since the last report (and at the end).
// Whatever the pool has not heard when it kills this process took less than REPORT_MS together, and
// is cheap to run again.
const REPORT_MS = 20;

/** Least-recently-used lookup: a hit moves the entry to the end. */
function touch<V>(map: Map<string, V>, key: string): V | undefined {
  const value = map.get(key);
  if (value !== undefined) {
    map.delete(key);
    map.set(key, value);
  }
  return value;
}

/**
 * Which file is at `path` now (null: none): a database deleted and registered again has a new file
 * at the same path, and a connection or gold result of the old one must not be used for it.
 */
function fileIdentity(file: string): string | null {
  try {
    const st = fs.statSync(file);
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
}

function missing(file: string): ExecFailure {
  return { ok: false, kind: "missing_database", message: `Database file not found: ${file}`, elapsedMs: 0 };
}

function write(text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length;) {
    try {
      at += fs.writeSync(PROGRESS_FD, bytes, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
    }
  }
}

/** Answers the pool's requests in this process: `answer` returns a run's response, null for a judge request (its report goes to fd 4). */
export function createExecService(caps: ResourceCaps): { answer(request: ExecRequest): RunResponse | null } {
  const open = new Map<string, { db: Database.Database; identity: string }>();
  const goldResults = new Map<string, ExecResult>();
  let retire = false; // a query went past a cap: answer, then let the pool replace this process
  const running = startWatchdog(WATCHDOG_FD);

  /** The open connection to the file at `file` (`identity` from fileIdentity), reopened when the file there changed. */
  function connection(file: string, identity: string): Database.Database {
    const cached = touch(open, file);
    if (cached?.identity === identity) return cached.db;
    if (cached) {
      cached.db.close();
      open.delete(file);
    }
    const db = openReadonly(file);
    open.set(file, { db, identity });
    if (open.size > MAX_OPEN) {
      const [oldest, old] = open.entries().next().value as [string, { db: Database.Database }];
      old.db.close();
      open.delete(oldest);
    }
    return db;
  }

  function runQuery(db: Database.Database, sql: string, maxRows: number, maxBytes: number): ExecResult {
    const result = runReadOnlyQuery(db, sql, maxRows, maxBytes, caps);
    if (!result.ok && result.kind === "limit") retire = true;
    return result;
  }

  function judge(request: JudgeRequest): void {
    const { id, from } = request;
    const skip = new Set(request.skip.map((s) => `${s.task}:${s.candidate}`));
    const fresh = (): JudgeReport => ({ id, gold: [], verdicts: [] });
    let report = fresh();
    let reportedAt = performance.now();
    for (let t = from.task; t < request.tasks.length; t++) {
      if (skip.has(`${t}:-1`)) continue;
      const task = request.tasks[t]!;
      const steps = {
        starting: (candidate: number) => {
          if ((report.gold.length || report.verdicts.length) && performance.now() - reportedAt >= REPORT_MS) {
            write(`${JSON.stringify(report)}\n`);
            report = fresh();
            reportedAt = performance.now();
          }
          running(id, t, candidate);
        },
        gold: (result: ExecResult, cached: boolean) =>
          void report.gold.push([t, describeFailure(result), cached]),
        verdict: (candidate: number, verdict: CandidateVerdict) =>
          void report.verdicts.push([t, candidate, verdict]),
      };
      const fromCandidate = t === from.task ? from.candidate : 0;
      const skipped = (candidate: number) => skip.has(`${t}:${candidate}`);
      let failed = failedGold(task, {
        kind: "missing_database",
        message: `Database file not found: ${task.dbFile}`,
      });
      try {
        const identity = fileIdentity(task.dbFile);
        if (identity) {
          const db = connection(task.dbFile, identity);
          const key = `${task.dbFile}\u0000${identity}\u0000${request.metric}\u0000${normalizeSql(task.goldSql)}`;
          judgeCandidates(
            task,
            request.metric,
            fromCandidate,
            skipped,
            (sql) => runQuery(db, sql, request.maxRows, request.maxBytes),
            (run) => {
              const hit = touch(goldResults, key);
              if (hit) return { result: hit, cached: true };
              const result = run();
              if (!result.ok || result.rowCount <= MAX_GOLD_ROWS) {
                goldResults.set(key, result);
                if (goldResults.size > MAX_GOLD)
                  goldResults.delete(goldResults.keys().next().value as string);
              }
              return { result, cached: false };
            },
            steps,
          );
          continue;
        }
      } catch (error) {
        failed = failedGold(task, { kind: "error", message: (error as Error).message });
      }
      report.gold.push([t, failed.goldError, false]);
      failed.verdicts.forEach(
        (verdict, c) => c >= fromCandidate && !skipped(c) && report.verdicts.push([t, c, verdict]),
      );
    }
    running(0, 0, 0);
    report.end = { retire };
    write(`${JSON.stringify(report)}\n`);
  }

  function run(request: RunRequest): ExecResult {
    const identity = fileIdentity(request.dbFile);
    if (!identity) return missing(request.dbFile);
    return runQuery(connection(request.dbFile, identity), request.sql, request.maxRows, request.maxBytes);
  }

  return {
    answer(request) {
      if (request.type === "judge") {
        judge(request);
        return null;
      }
      let result: ExecResult;
      try {
        result = run(request);
      } catch (error) {
        result = { ok: false, kind: "error", message: (error as Error).message, elapsedMs: 0 };
      }
      return { id: request.id, result, retire };
    },
  };
}
