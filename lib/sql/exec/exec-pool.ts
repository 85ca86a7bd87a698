import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import { describeFailure, failedGold, sqlForMetric, verdictFor } from "@/lib/sql/exec/judge-candidates";
import type { ExecRequest, ExecResponse, ExecResult, JudgeRequest, JudgeResult, JudgeTask, Metric } from "@/lib/sql/exec/exec-types";

export type ExecOptions = { timeoutMs?: number; maxRows?: number; maxBytes?: number };

type Outcome = { timedOut: false; result: ExecResult | JudgeResult[] } | { timedOut: true; elapsedMs: number };
type Job = { request: ExecRequest; timeoutMs: number; resolve: (outcome: Outcome) => void };
type Slot = { child: ChildProcess; ready: boolean; job: Job | null; timer: NodeJS.Timeout | null; started: number };

const DEFAULTS = { timeoutMs: 5_000, maxRows: 1_000, maxBytes: 2 * 1024 * 1024 };

/** Failures of the engine itself (not of the SQL): worth trying again. */
export const ENGINE_STOPPED = "The execution process stopped unexpectedly.";
export const ENGINE_NOT_STARTING = "The SQL execution process could not start; see the server log.";
export const isEngineFailure = (message: string | null | undefined) => message === ENGINE_STOPPED || message === ENGINE_NOT_STARTING;

/**
 * Runs SQL in child processes, one request per child at a time, as many children as cores.
 * A request past its time limit is stopped for real: its child is killed and replaced (SQLite's
 * native step cannot be interrupted from JavaScript, and a worker thread cannot be terminated
 * while inside it). The app's event loop never runs a query.
 */
export class ExecPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private startFailures = 0; // processes in a row that exited before they were ready

  constructor(readonly size = Math.max(1, os.availableParallelism())) {}

  /** Runs one query and returns its rows (capped) or its error in words. */
  async run(dbFile: string, sql: string, options: ExecOptions = {}): Promise<ExecResult> {
    const o = { ...DEFAULTS, ...options };
    const outcome = await this.send({ type: "run", id: this.nextId++, dbFile, sql, maxRows: o.maxRows, maxBytes: o.maxBytes }, o.timeoutMs);
    if (outcome.timedOut) return timeoutFailure(o.timeoutMs, outcome.elapsedMs);
    return outcome.result as ExecResult;
  }

  /**
   * Judges tasks in one round trip: for each, the child runs the gold once (or reuses it), runs
   * each candidate and compares; only verdicts come back. Every query keeps its own time limit:
   * when a batch runs out of time, its queries are run one by one to find which did.
   */
  async judge(tasks: JudgeTask[], metric: Metric, options: ExecOptions = {}): Promise<JudgeResult[]> {
    const o = { ...DEFAULTS, ...options };
    const queries = tasks.reduce((n, t) => n + 1 + t.candidates.length, 0);
    const request: JudgeRequest = { type: "judge", id: this.nextId++, tasks, metric, maxRows: o.maxRows, maxBytes: o.maxBytes };
    const outcome = await this.send(request, o.timeoutMs * queries);
    if (!outcome.timedOut) {
      const result = outcome.result;
      if (Array.isArray(result)) return result;
      return tasks.map((task) => failedGold(task, describeFailure(result) ?? "the execution process failed"));
    }
    const results: JudgeResult[] = [];
    for (const task of tasks) {
      const gold = await this.run(task.dbFile, sqlForMetric(task.goldSql, metric), o);
      const verdicts = [];
      for (const candidate of task.candidates) {
        verdicts.push(verdictFor(gold, await this.run(task.dbFile, sqlForMetric(candidate, metric), o), task.goldSql, metric));
      }
      results.push({ goldError: describeFailure(gold), goldCached: false, verdicts });
    }
    return results;
  }

  /** Starts every child now, so that the first requests do not pay for their start. */
  async warmUp(): Promise<void> {
    // a round trip per process is all it takes; the answer (no such file) does not matter
    await Promise.all(Array.from({ length: this.size }, () => this.run("(warm-up)", "SELECT 1")));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots.splice(0)) slot.child.kill("SIGKILL");
  }

  private send(request: ExecRequest, timeoutMs: number): Promise<Outcome> {
    if (this.closed) return Promise.reject(new Error("The execution pool is closed."));
    return new Promise((resolve) => {
      this.queue.push({ request, timeoutMs, resolve });
      this.dispatch();
    });
  }

  /**
   * Processes keep this one alive only while there is work: an idle pool must not stop a CLI or a
   * test from exiting, and a busy one must, even while a process is still starting.
   */
  private holdWhileBusy(): void {
    const busy = this.queue.length > 0 || this.slots.some((s) => s.job);
    for (const { child } of this.slots) {
      const channel = child.channel as unknown as { ref?: () => void; unref?: () => void } | undefined;
      if (busy) {
        child.ref();
        channel?.ref?.();
      } else {
        child.unref();
        channel?.unref?.();
      }
    }
  }

  private dispatch(): void {
    this.dispatchWaiting();
    this.holdWhileBusy();
  }

  private dispatchWaiting(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) {
        // start processes for waiting requests while there is room; each dispatches when it says it is ready
        const starting = this.slots.filter((s) => !s.ready).length;
        if (this.slots.length < this.size && starting < this.queue.length) this.spawn();
        return;
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.started = performance.now();
      slot.timer = setTimeout(() => this.timeOut(slot), job.timeoutMs);
      slot.child.send(job.request);
    }
  }

  private spawn(): Slot {
    // The child runs from source through tsx; the bundler must not try to resolve it.
    const child = fork(/*turbopackIgnore: true*/ path.join(env.projectRoot, "lib", "sql", "exec", "exec-child.ts"), [], {
      // inherits the environment; tsx finds tsconfig.json from the working folder or TSX_TSCONFIG_PATH (bin/sense.mjs)
      execArgv: ["--conditions=react-server", "--import", "tsx"],
      cwd: env.projectRoot,
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const slot: Slot = { child, ready: false, job: null, timer: null, started: 0 };
    child.on("message", (message: ExecResponse | { ready: true }) => {
      if ("ready" in message) {
        slot.ready = true;
        this.startFailures = 0;
        this.dispatch();
      } else if (slot.job?.request.id === message.id) this.finish(slot, { timedOut: false, result: message.result });
    });
    let gone = false;
    const onGone = () => {
      if (gone) return;
      gone = true;
      this.replace(slot);
    };
    child.on("exit", onGone);
    child.on("error", onGone); // e.g. the process could not be started at all
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot, outcome: Outcome): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job?.resolve(outcome);
    this.dispatch();
  }

  private timeOut(slot: Slot): void {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    this.remove(slot);
    slot.child.kill("SIGKILL");
    job.resolve({ timedOut: true, elapsedMs: Math.round(performance.now() - slot.started) });
    this.dispatch();
  }

  private replace(slot: Slot): void {
    const job = slot.job;
    this.remove(slot);
    if (!slot.ready && ++this.startFailures >= 3) {
      // the processes cannot start (broken install?): answer what waits instead of retrying forever
      this.startFailures = 0;
      const message = ENGINE_NOT_STARTING;
      for (const waiting of this.queue.splice(0)) waiting.resolve({ timedOut: false, result: { ok: false, kind: "error", message, elapsedMs: 0 } });
      this.holdWhileBusy();
      return;
    }
    if (job) {
      if (slot.timer) clearTimeout(slot.timer);
      const elapsedMs = Math.round(performance.now() - slot.started);
      job.resolve({ timedOut: false, result: { ok: false, kind: "error", message: ENGINE_STOPPED, elapsedMs } });
    }
    if (!this.closed) this.dispatch();
  }

  private remove(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index !== -1) this.slots.splice(index, 1);
  }
}

function timeoutFailure(timeoutMs: number, elapsedMs: number): ExecResult {
  return { ok: false, kind: "timeout", message: `The query ran longer than ${timeoutMs} ms and was stopped.`, elapsedMs };
}

const globalForPool = globalThis as unknown as { senseExecPool?: ExecPool };

/** The app's shared pool (one per process). */
export function execPool(): ExecPool {
  globalForPool.senseExecPool ??= new ExecPool();
  return globalForPool.senseExecPool;
}
