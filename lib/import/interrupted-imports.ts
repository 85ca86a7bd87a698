import "server-only";
import { prisma } from "@/lib/db";
import { isOwnerGone } from "@/lib/store/owner-process";
import { recordAuditEvent } from "@/lib/audit/audit-events";

/**
 * At start-up: imports left `running` by a process that is gone (the app or `sense import`, killed
 * or the machine restarted) are marked failed, so they do not read as running forever. Its tasks
 * are written in one transaction (all or none); the databases it registered stay, and importing
 * the folder again adds only what is missing.
 */
export async function failInterruptedImports(): Promise<number> {
  // a dashboard import is a job on the queue: another attempt does it (lib/jobs/file-jobs.ts fails it when its job stops)
  const running = await prisma.importRun.findMany({
    where: { status: "running", jobId: null },
    select: { id: true, ownerProcess: true },
  });
  const gone = running
    .filter((r) => r.ownerProcess === null || isOwnerGone(r.ownerProcess, { ownIsStale: true }))
    .map((r) => r.id);
  if (!gone.length) return 0;
  const error =
    "The server (or the `sense import` process) stopped while this import ran, before it finished. Import the folder again: it adds only what is missing.";
  let count = 0;
  for (const id of gone) {
    const failed = await prisma.importRun.updateMany({
      where: { id, status: "running" },
      data: { status: "failed", error, finishedAt: new Date() },
    });
    if (failed.count)
      await recordAuditEvent(null, {
        action: "import.fail",
        targetType: "import",
        targetId: id,
        detail: { error },
      });
    count += failed.count;
  }
  return count;
}
