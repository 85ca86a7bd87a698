import "server-only";
import { env } from "@/lib/env";
import { runWorker } from "@/lib/jobs/run-worker";

const RESTART_MS = 5_000;

/** The job runner inside the app process (on by default; SENSE_EMBEDDED_WORKER=0 leaves it to `npm run worker`). */
export function startEmbeddedWorker(): void {
  if (env.SENSE_EMBEDDED_WORKER !== "1") return;
  const globalForWorker = globalThis as unknown as { senseWorkerStarted?: boolean };
  if (globalForWorker.senseWorkerStarted) return;
  globalForWorker.senseWorkerStarted = true;
  const start = () =>
    runWorker().catch((error: unknown) => {
      // the runner only stops on an error it could not handle: say so, and start it again
      console.error(`[worker] the embedded job runner stopped; restarting in ${RESTART_MS / 1000} s:`, error);
      setTimeout(start, RESTART_MS).unref();
    });
  void start();
  console.log("[worker] embedded job runner started");
}
