import "server-only";
import { prisma } from "@/lib/db";

export type JobProgress = {
  id: string;
  kind: string;
  status: string;
  itemsTotal: number;
  itemsDone: number;
  itemsFailed: number;
  itemsPerSecond: number | null;
  etaSeconds: number | null;
  failuresByKind: Record<string, number>;
  pairsCreated: number;
  samplesCreated: number; // strong samples queued for review (SQL that executes)
  samplesDiscarded: number; // strong samples kept for statistics only (SQL that fails)
  provider: string | null;
  modelCalls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  createdAt: string;
  finishedAt: string | null;
};

/** Recent jobs with their progress, rate and ETA (rate over the time since the job started). */
export async function listJobs(limit = 50): Promise<JobProgress[]> {
  const jobs = await prisma.job.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { provider: { select: { name: true } }, _count: { select: { pairs: true, calls: true } } },
  });
  const ids = jobs.map((j) => j.id);
  const [failures, samples] = await Promise.all([
    prisma.jobItem.groupBy({ by: ["jobId", "errorKind"], where: { jobId: { in: ids }, status: "failed" }, _count: true }),
    prisma.sftSample.groupBy({ by: ["jobId", "execStatus"], where: { jobId: { in: ids } }, _count: true }),
  ]);
  const now = Date.now();
  return jobs.map((job) => {
    const handled = job.itemsDone + job.itemsFailed;
    const end = job.finishedAt?.getTime() ?? now;
    const seconds = job.startedAt ? (end - job.startedAt.getTime()) / 1000 : 0;
    const rate = seconds > 0 && handled > 0 ? handled / seconds : null;
    const open = job.itemsTotal - handled;
    return {
      id: job.id,
      kind: job.kind,
      status: job.status,
      itemsTotal: job.itemsTotal,
      itemsDone: job.itemsDone,
      itemsFailed: job.itemsFailed,
      itemsPerSecond: rate,
      etaSeconds: rate && job.status === "running" ? open / rate : null,
      failuresByKind: Object.fromEntries(failures.filter((f) => f.jobId === job.id).map((f) => [f.errorKind ?? "unknown", f._count])),
      pairsCreated: job._count.pairs,
      samplesCreated: samples.filter((g) => g.jobId === job.id && g.execStatus === "ok").reduce((n, g) => n + g._count, 0),
      samplesDiscarded: samples.filter((g) => g.jobId === job.id && g.execStatus !== "ok").reduce((n, g) => n + g._count, 0),
      provider: job.provider?.name ?? null,
      modelCalls: job._count.calls,
      promptTokens: job.promptTokens,
      completionTokens: job.completionTokens,
      costUsd: job.costUsd,
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
    };
  });
}

/** The failed items of a job with their reasons, newest first. */
export async function listJobFailures(jobId: string, limit = 200) {
  const items = await prisma.jobItem.findMany({
    where: { jobId, status: "failed" },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { id: true, errorKind: true, error: true, attempts: true, payloadJson: true, updatedAt: true },
  });
  return items.map((i) => ({ ...i, updatedAt: i.updatedAt.toISOString() }));
}
