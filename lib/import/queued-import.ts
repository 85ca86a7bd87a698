import "server-only";
import { prisma } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/audit-events";
import { resolveLayout, type BenchmarkFormat, type BenchmarkSplit } from "@/lib/import/benchmark-layout";
import { readFolder, recordFailedImport, writeImport } from "@/lib/import/import-benchmark";
import { enqueueFileJob } from "@/lib/jobs/file-jobs";
import { ownerProcessTag } from "@/lib/store/owner-process";
import type { RunGuard } from "@/lib/export/run-export";

/**
 * A dashboard import: the folder's layout is checked at once (a folder that is not a Spider or BIRD
 * folder is refused with why, and listed as a failed run); its run and a job that does the import
 * (lib/jobs/handlers/import-item.ts) are created together. The page follows the run to its end.
 */
export async function queueImport(
  input: { format: BenchmarkFormat; dir: string; split: BenchmarkSplit },
  actor: AuditActor | null,
) {
  let layout;
  try {
    layout = resolveLayout(input.format, input.dir, input.split);
  } catch (error) {
    await recordFailedImport({ ...input, actor }, error);
    throw error;
  }
  return prisma.$transaction(async (tx) => {
    const run = await tx.importRun.create({
      data: {
        format: layout.format,
        dirPath: layout.dir,
        split: layout.split,
        status: "running",
        createdById: actor?.id ?? null,
      },
    });
    await recordAuditEvent(
      actor,
      {
        action: "import.start",
        targetType: "import",
        targetId: run.id,
        detail: { format: input.format, split: input.split, dir: layout.dir },
      },
      tx,
    );
    const jobId = await enqueueFileJob(tx, { kind: "import", importRunId: run.id }, actor?.id ?? null);
    return tx.importRun.update({ where: { id: run.id }, data: { jobId } });
  });
}

/**
 * Runs a queued import (a runner's attempt). An attempt after a runner died does it again: tasks
 * are written in one transaction (all or none) and re-importing adds only what is missing. Returns
 * how the run ended.
 */
export async function runQueuedImport(importRunId: string, guard: RunGuard): Promise<string> {
  const run = await prisma.importRun.findUnique({ where: { id: importRunId } });
  if (!run) return "deleted";
  if (run.status !== "running") return run.status;
  await prisma.importRun.update({ where: { id: run.id }, data: { ownerProcess: ownerProcessTag() } });
  const actor: AuditActor | null = run.createdById ? { id: run.createdById, via: "ui" } : null; // who started it (the dashboard or its API)
  const started = Date.now();
  let read;
  try {
    read = readFolder({
      format: run.format as BenchmarkFormat,
      dir: run.dirPath,
      split: run.split as BenchmarkSplit,
    });
  } catch (error) {
    const message = (error as Error).message;
    await prisma.importRun.updateMany({
      where: { id: run.id, status: "running" },
      data: { status: "failed", error: message, finishedAt: new Date() },
    });
    await recordAuditEvent(actor, {
      action: "import.fail",
      targetType: "import",
      targetId: run.id,
      detail: { format: run.format, split: run.split, dir: run.dirPath, error: message },
    });
    return "failed";
  }
  if (!guard.held() || !(await guard.confirm())) return "running"; // another runner holds it now
  const report = await writeImport(run.id, read, actor, started).catch(() => null);
  return report ? "done" : "failed";
}
