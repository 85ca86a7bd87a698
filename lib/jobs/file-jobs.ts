import "server-only";
import { prisma, type Tx } from "@/lib/db";
import type { FileJobConfig } from "@/lib/jobs/job-config";
import { enqueueJobItems } from "@/lib/jobs/item-outcome";
import { sqlTime } from "@/lib/store/sql-time";

/**
 * Puts a dashboard export or import on the job queue, in the caller's transaction (the one that
 * creates its row): a job of its kind with one item, which a runner claims like any other item and
 * a second runner takes over when the first dies (its lease expires). Returns the job's id.
 */
export async function enqueueFileJob(
  tx: Tx,
  config: FileJobConfig,
  createdById: string | null,
): Promise<string> {
  const job = await tx.job.create({
    data: {
      kind: config.kind,
      status: "running",
      configJson: JSON.stringify(config),
      createdById,
      startedAt: new Date(),
    },
  });
  if (config.kind === "export")
    await enqueueJobItems(tx, job.id, "write-export", [{ exportId: config.exportId }]);
  else await enqueueJobItems(tx, job.id, "import-folder", [{ importRunId: config.importRunId }]);
  return job.id;
}

const GAVE_UP =
  "The job runner gave up on it (its runner stopped on every attempt, or its job was cancelled). Start it again.";

/**
 * Exports and imports whose job item failed for good, or whose job was cancelled or deleted, while
 * their row still reads running: failed with why (the runner's house-keeping calls this when idle).
 * A row whose job was deleted (job_id set NULL) is failed at the app's next start
 * (lib/export/interrupted-exports.ts, lib/import/interrupted-imports.ts).
 */
export async function failRowsOfStoppedFileJobs(): Promise<number> {
  const now = new Date();
  let failed = 0;
  for (const table of ["exports", "import_runs"] as const) {
    failed += await prisma.$executeRawUnsafe(
      `UPDATE ${table} SET status = 'failed', error = ?, finished_at = ? WHERE status = 'running' AND job_id IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM job_items ji JOIN jobs j ON j.id = ji.job_id WHERE ji.job_id = ${table}.job_id AND ji.status IN ('pending', 'leased') AND j.status IN ('running', 'paused'))`,
      GAVE_UP,
      sqlTime(now),
    );
  }
  return failed;
}
