import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ImportReport } from "@/lib/import/import-benchmark";

/** The most recent imports, newest first. */
export async function listImportRuns(limit = 20) {
  const runs = await prisma.importRun.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  return runs.map(({ reportJson: _report, ...run }) => ({
    ...run,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  }));
}

/** One import run with its report once it is done (the dashboard follows a queued import with this). */
export async function readImportRun(id: string) {
  const run = await prisma.importRun.findUnique({ where: { id } });
  if (!run) throw notFound(`No import with id "${id}".`);
  const { reportJson, ...rest } = run;
  return {
    ...rest,
    report: reportJson ? (JSON.parse(reportJson) as ImportReport) : null,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
