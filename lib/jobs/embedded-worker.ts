import "server-only";
import { env } from "@/lib/env";
import { runWorker } from "@/lib/jobs/run-worker";

/** The job runner inside the app process (on by default; SENSE_EMBEDDED_WORKER=0 leaves it to `npm run worker`). */
export function startEmbeddedWorker(): void {
  if (env.SENSE_EMBEDDED_WORKER !== "1") return;
  const globalForWorker = globalThis as unknown as { senseWorkerStarted?: boolean };
  if (globalForWorker.senseWorkerStarted) return;
  globalForWorker.senseWorkerStarted = true;
  runWorker().catch((error: unknown) => console.error("[worker] the embedded job runner stopped:", error));
  console.log("[worker] embedded job runner started");
}
