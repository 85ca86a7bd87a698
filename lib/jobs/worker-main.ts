// `npm run worker`: a job runner in its own process, sharing the store with the app and other runners.
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
