import "server-only";
import { prisma } from "@/lib/db";

/** The most recent imports, newest first. */
export async function listImportRuns(limit = 20) {
  const runs = await prisma.importRun.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  return runs.map(({ reportJson: _report, ...run }) => ({
    ...run,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  }));
}
