import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import type { ExecRequest, ExecResponse, ExecResult } from "@/lib/sql/exec/exec-types";

export type ExecOptions = { timeoutMs?: number; maxRows?: number; maxBytes?: number };

type Job = { request: ExecRequest; timeoutMs: number; resolve: (result: ExecResult) => void };
type Slot = { child: ChildProcess; job: Job | null; timer: NodeJS.Timeout | null; started: number };

const DEFAULTS = { timeoutMs: 5_000, maxRows: 1_000, maxBytes: 2 * 1024 * 1024 };

/**
 * Runs SQL in child processes, one query per child at a time, as many children as cores.
 * A query past its time limit is stopped for real: its child is killed and replaced (SQLite's
 * native step cannot be interrupted from JavaScript, and a worker thread cannot be terminated
 * while inside it). The app's event loop never runs a query.
 */
export class ExecPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size = Math.max(1, os.availableParallelism())) {}

  run(dbFile: string, sql: string, options: ExecOptions = {}): Promise<ExecResult> {
    if (this.closed) return Promise.reject(new Error("The execution pool is closed."));
    const o = { ...DEFAULTS, ...options };
    return new Promise((resolve) => {
      this.queue.push({
        request: { id: this.nextId++, dbFile, sql, maxRows: o.maxRows, maxBytes: o.maxBytes },
        timeoutMs: o.timeoutMs,
        resolve,
      });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots.splice(0)) slot.child.kill("SIGKILL");
  }

  private dispatch(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
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
      execArgv: ["--conditions=react-server", "--import", "tsx"],
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(env.projectRoot, "tsconfig.json") },
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const slot: Slot = { child, job: null, timer: null, started: 0 };
    child.on("message", (message: ExecResponse) => {
      if (slot.job?.request.id === message.id) this.finish(slot, message.result);
    });
    child.on("exit", () => this.replace(slot, "The execution process stopped unexpectedly."));
    child.unref();
    (child.channel as unknown as { unref?: () => void } | undefined)?.unref?.();
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot, result: ExecResult): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job?.resolve(result);
    this.dispatch();
  }

  private timeOut(slot: Slot): void {
    const job = slot.job;
    if (!job) return;
    const elapsedMs = Math.round(performance.now() - slot.started);
    slot.job = null;
    this.remove(slot);
    slot.child.kill("SIGKILL");
    job.resolve({ ok: false, kind: "timeout", message: `The query ran longer than ${job.timeoutMs} ms and was stopped.`, elapsedMs });
    this.dispatch();
  }

  private replace(slot: Slot, message: string): void {
    const job = slot.job;
    this.remove(slot);
    if (job) {
      if (slot.timer) clearTimeout(slot.timer);
      job.resolve({ ok: false, kind: "error", message, elapsedMs: Math.round(performance.now() - slot.started) });
    }
    if (!this.closed) this.dispatch();
  }

  private remove(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index !== -1) this.slots.splice(index, 1);
  }
}

const globalForPool = globalThis as unknown as { senseExecPool?: ExecPool };

/** The app's shared pool (one per process). */
export function execPool(): ExecPool {
  globalForPool.senseExecPool ??= new ExecPool();
  return globalForPool.senseExecPool;
}
