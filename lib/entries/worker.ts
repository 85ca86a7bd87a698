// `npm run worker`, and the app's embedded runner (lib/jobs/worker-process.ts starts this file): a job
// runner in its own process, sharing the store with the app and other runners. It keeps new files
// private, migrates the store, then runs runWorker (lib/jobs/run-worker.ts) until SIGINT or SIGTERM,
// or until the app that started it is gone, and exits 0 when stopped, 1 when the runner crashed.
import { runWorker } from "@/lib/jobs/run-worker";
import { migrateStore } from "@/lib/store/prepare-store";
import { keepNewFilesPrivate } from "@/lib/store/private-files";

keepNewFilesPrivate();
migrateStore();
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => controller.abort());
// started by the app (embedded runner): stop when the app is gone
if (process.send) process.on("disconnect", () => controller.abort());
console.log(`[worker ${process.pid}] running`);
runWorker({ signal: controller.signal }).then(
  ({ processed }) => {
    console.log(`[worker ${process.pid}] stopped after ${processed} items`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error("[worker] crashed:", error);
    process.exit(1);
  },
);
