import "server-only";
import type { ChildProcess } from "node:child_process";
import { env } from "@/lib/env";
import { spawnWorkerProcess } from "@/lib/jobs/worker-process";

const RESTART_MS = 5_000;

/**
 * The app's own job runner (on by default; SENSE_EMBEDDED_WORKER=0 leaves jobs to `npm run worker`
 * processes). It runs as a child process of the app, the same program as `npm run worker`: model
 * answers, judging and the runner's writes then never take the web process's event loop, and the
 * runner has SQL sandbox processes of its own, so console users do not queue behind a job's queries.
 * The child is started again when it stops, and stops when the app does.
 */
export function startEmbeddedWorker(): void {
  if (env.SENSE_EMBEDDED_WORKER !== "1") return;
  const globalForWorker = globalThis as unknown as {
    senseWorker?: { child: ChildProcess | null; stopping: boolean };
  };
  if (globalForWorker.senseWorker) return;
  const state = { child: null as ChildProcess | null, stopping: false };
  globalForWorker.senseWorker = state;
  const start = () => {
    // the IPC channel closes when the app dies: the child stops then
    const child = spawnWorkerProcess({}, ["ignore", "inherit", "inherit", "ipc"]);
    state.child = child;
    child.on("exit", (code, signal) => {
      state.child = null;
      if (state.stopping) return;
      console.error(
        `[worker] the embedded job runner stopped (${signal ?? `exit ${code}`}); restarting in ${RESTART_MS / 1000} s`,
      );
      setTimeout(start, RESTART_MS).unref();
    });
  };
  const stop = () => {
    state.stopping = true;
    state.child?.kill("SIGTERM");
  };
  process.once("exit", stop); // a killed app closes the IPC channel instead
  start();
  console.log("[worker] embedded job runner started in its own process");
}
