import "server-only";
import os from "node:os";
import { env } from "@/lib/env";
import { cancelledFailure } from "@/lib/sql/exec/exec-limits";
import { ExecScheduler, type ExecStats } from "@/lib/sql/exec/exec-scheduler";
import { JudgeWork, RunWork } from "@/lib/sql/exec/exec-work";
import type {
  ExecResult,
  JudgeFailure,
  JudgeResult,
  JudgeTask,
  Lane,
  Metric,
} from "@/lib/sql/exec/exec-types";

/** lane: interactive (console, review; the default of a pool) or jobs (judging, synthesis); signal: cancels a run (its process is killed). */
export type ExecOptions = {
  timeoutMs?: number;
  maxRows?: number;
  maxBytes?: number;
  lane?: Lane;
  signal?: AbortSignal;
};

/** Caps of each process (default SENSE_SQL_MEMORY_MB, SENSE_SQL_TEMP_MB) and the lane of requests that name none. */
export type ExecPoolOptions = { memoryMb?: number; tempMb?: number; lane?: Lane };

const DEFAULTS = { timeoutMs: 5_000, maxRows: 1_000, maxBytes: 2 * 1024 * 1024 };

/** A failure of the sandbox itself (not of the SQL): worth trying again. */
export const isEngineFailure = (failure: JudgeFailure | null | undefined) => failure?.kind === "engine";

/**
 * Runs SQL in child processes, one request per process at a time. Two lanes: jobs get `size`
 * processes; interactive work has its own (up to `size + 1` at once), which jobs never take; each
 * lane in use keeps one more process standing by. A query past its time limit is stopped for real: its process is killed and replaced
 * (SQLite's native step cannot be interrupted from JavaScript, and a worker thread cannot be
 * terminated while inside it); in a judge batch only that query fails, the rest goes on. Each process
 * is capped in memory and in temporary disk (exec-process.ts). The app's event loop never runs a query.
 */
export class ExecPool {
  private readonly scheduler: ExecScheduler;
  private readonly lane: Lane;

  constructor(
    readonly size = Math.max(1, os.availableParallelism()),
    options: ExecPoolOptions = {},
    shared?: ExecScheduler,
  ) {
    this.lane = options.lane ?? "interactive";
    this.scheduler =
      shared ??
      new ExecScheduler(
        {
          memoryMb: options.memoryMb ?? env.SENSE_SQL_MEMORY_MB,
          tempMb: options.tempMb ?? env.SENSE_SQL_TEMP_MB,
        },
        { interactive: { base: size, working: size + 1 }, jobs: { base: size, working: size } },
      );
  }

  /** The same processes, with `lane` for requests that name none (the job runner hands its steps the jobs lane). */
  forLane(lane: Lane): ExecPool {
    return new ExecPool(this.size, { lane }, this.scheduler);
  }

  /** Runs one query and returns its rows (capped) or its error in words. */
  run(dbFile: string, sql: string, options: ExecOptions = {}): Promise<ExecResult> {
    const o = { ...DEFAULTS, ...options };
    const { signal } = o;
    if (signal?.aborted) return Promise.resolve(cancelledFailure(0));
    return new Promise((resolve) => {
      const started = performance.now();
      const onAbort = () =>
        this.scheduler.cancel(work, cancelledFailure(Math.round(performance.now() - started)));
      const work = new RunWork(
        o.lane ?? this.lane,
        o.timeoutMs,
        { dbFile, sql, maxRows: o.maxRows, maxBytes: o.maxBytes },
        (result) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(result);
        },
      );
      signal?.addEventListener("abort", onAbort, { once: true });
      this.scheduler.submit(work);
    });
  }

  /**
   * Judges tasks in one round trip: for each, the process runs the gold once (or reuses it), runs
   * each candidate and compares; only verdicts come back. Every query has its own time limit: one
   * past it gets a timeout verdict, and the batch goes on in a new process after it.
   */
  judge(tasks: JudgeTask[], metric: Metric, options: ExecOptions = {}): Promise<JudgeResult[]> {
    const o = { ...DEFAULTS, ...options };
    if (!tasks.length) return Promise.resolve([]);
    return new Promise((resolve) =>
      this.scheduler.submit(
        new JudgeWork(
          o.lane ?? this.lane,
          o.timeoutMs,
          tasks,
          metric,
          { maxRows: o.maxRows, maxBytes: o.maxBytes },
          resolve,
        ),
      ),
    );
  }

  /** Starts this lane's processes now, so that the first requests do not pay for their start. */
  async warmUp(): Promise<void> {
    // a round trip per process is all it takes; the answer (no such file) does not matter
    await Promise.all(Array.from({ length: this.size }, () => this.run("(warm-up)", "SELECT 1")));
  }

  /** Processes started and ended so far, and running now. */
  stats(): ExecStats {
    return this.scheduler.stats();
  }

  async close(): Promise<void> {
    this.scheduler.close();
  }
}

const globalForPool = globalThis as unknown as { senseExecPool?: ExecPool };

/** The app's shared pool (one per process). */
export function execPool(): ExecPool {
  globalForPool.senseExecPool ??= new ExecPool();
  return globalForPool.senseExecPool;
}
