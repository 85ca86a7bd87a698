// Inside an execution child: says which query of a judge request runs, without a message per query.
// The main thread notes each query as it starts in shared memory (a few atomic stores); a watchdog
// thread looks every EVERY_MS and, when another query runs than the one it last named, writes
// `>id task candidate startedAtEpochMs cpuMsAtStart` on its own pipe (the process's CPU time when the
// query started: its time limit counts CPU, see exec-scheduler.ts). A query that runs long is therefore named
// within EVERY_MS of its start, and the pool times it from its real start; fast queries cost the pool
// nothing (measured: a line per query cost the parent 16 µs each, ~8x its own share of a warm pass).
// The start time is a 64-bit integer: in 32 bits the milliseconds since the process started would
// wrap after 24.8 days, and every query named after that would look as old as its limit.
import { Worker } from "node:worker_threads";

const EVERY_MS = 10;

// Plain JavaScript: the thread runs without the TypeScript loader.
const WATCHDOG = `
const { workerData } = require("node:worker_threads");
const fs = require("node:fs");
const { state, started, fd, origin, everyMs } = workerData;
const nap = new Int32Array(new SharedArrayBuffer(4));
let named = 0;
for (;;) {
  Atomics.wait(nap, 0, 0, everyMs);
  const seq = Atomics.load(state, 0);
  if (seq === named || seq % 2 === 1) continue;
  const id = Atomics.load(state, 1), task = Atomics.load(state, 2), candidate = Atomics.load(state, 3), at = Number(Atomics.load(started, 0)), cpu = Number(Atomics.load(started, 1));
  if (Atomics.load(state, 0) !== seq) continue;
  named = seq;
  if (id !== 0) fs.writeSync(fd, ">" + id + " " + task + " " + candidate + " " + Math.round(origin + at) + " " + cpu + "\\n");
}`;

/** This process's CPU time in ms (all its threads, as /proc counts it). */
function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Starts the watchdog on `fd`; returns how the main thread notes a query starting (id 0: none runs).
 * `now` is the process's clock in ms since `origin` (given only by tests).
 */
export function startWatchdog(
  fd: number,
  now = () => performance.now(),
  origin = performance.timeOrigin,
  cpuMs = ownCpuMs,
): (id: number, task: number, candidate: number) => void {
  const state = new Int32Array(new SharedArrayBuffer(4 * 4)); // seq (odd while written), id, task, candidate
  const started = new BigInt64Array(new SharedArrayBuffer(16)); // when the query started (ms since origin), and the CPU used by then (ms)
  const worker = new Worker(WATCHDOG, {
    eval: true,
    workerData: { state, started, fd, origin, everyMs: EVERY_MS },
  });
  worker.unref();
  return (id, task, candidate) => {
    Atomics.add(state, 0, 1);
    Atomics.store(state, 1, id);
    Atomics.store(state, 2, task);
    Atomics.store(state, 3, candidate);
    Atomics.store(started, 0, BigInt(Math.round(now())));
    Atomics.store(started, 1, BigInt(Math.round(cpuMs())));
    Atomics.add(state, 0, 1);
  };
}
