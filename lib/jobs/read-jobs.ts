import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { readCounters } from "@/lib/store/store-counters";
import { sqlTime } from "@/lib/store/sql-time";
import { MODEL_JOB_KINDS, strongJobConfigSchema } from "@/lib/jobs/job-config";
import { knownCostUsd } from "@/lib/jobs/job-cost";
import { readStrongPlanFacts } from "@/lib/jobs/strong-plan-facts";
import { plannedStrongTotal } from "@/lib/jobs/planned-total";

export type JobProgress = {
  id: string;
  kind: string;
  status: string;
  /** How a done job ended: "done" (no item failed), "done with failures", or "failed" (every item did); null until it is done. */
  result: JobResult | null;
  /** A strong job's total is planned from its configuration (it finds its question items as it builds databases). */
  itemsTotal: number;
  /** The total is not known yet: the model is still proposing domains ("total still being discovered"; itemsTotal counts the items known so far, and there is no ETA). */
  totalDiscovering: boolean;
  itemsDone: number;
  itemsFailed: number;
  /** Items a runner is working on now (leased, lease not expired): a paused or cancelled job still
   * finishes these, so it is "pausing" / "cancelling" until this is 0. */
  itemsInFlight: number;
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
  /** null when unknown: its provider has no price (lib/jobs/job-cost.ts). */
  costUsd: number | null;
  createdAt: string;
  finishedAt: string | null;
};

export type JobResult = "done" | "done with failures" | "failed";

/** How a job that is done ended, judged by its items (a job whose every item failed is no success). */
export function jobResult(job: { status: string; itemsDone: number; itemsFailed: number }): JobResult | null {
  if (job.status !== "done") return null;
  if (!job.itemsFailed) return "done";
  return job.itemsDone ? "done with failures" : "failed";
}

/** Counts of a job's outputs and failures, from the counters the store keeps per job. */
function jobCounts(counts: Map<string, number> | undefined) {
  const out = {
    pairs: 0,
    calls: 0,
    samplesOk: 0,
    samplesOther: 0,
    failuresByKind: {} as Record<string, number>,
  };
  for (const [key, n] of counts ?? []) {
    if (key.startsWith("pair:")) out.pairs += n;
    else if (key === "calls") out.calls = n;
    else if (key === "sample:ok") out.samplesOk = n;
    else if (key.startsWith("sample:")) out.samplesOther += n;
    else if (key.startsWith("failed:")) out.failuresByKind[key.slice("failed:".length)] = n;
  }
  return out;
}

/** Items in flight per job (the claim index bounds the read to the leased items of these jobs). */
async function itemsInFlight(jobIds: string[]): Promise<Map<string, number>> {
  if (!jobIds.length) return new Map();
  const rows = await prisma.$queryRaw<{ job_id: string; n: number | bigint }[]>`
    SELECT job_id, COUNT(*) AS n FROM job_items
    WHERE job_id IN (${Prisma.join(jobIds)}) AND status = 'leased' AND lease_expires_at > ${sqlTime(new Date())}
    GROUP BY job_id`;
  return new Map(rows.map((r) => [r.job_id, Number(r.n)]));
}

/** A strong job's planned total; its stored one when the configuration cannot be read (a job of an older version). */
function plannedTotal(
  job: { configJson: string; status: string; itemsTotal: number },
  counts: Map<string, number> | undefined,
) {
  try {
    const config = strongJobConfigSchema.safeParse(JSON.parse(job.configJson));
    if (config.success) return plannedStrongTotal(config.data, job, readStrongPlanFacts(counts));
  } catch {
    // not JSON: fall through
  }
  return { total: job.itemsTotal, discovering: false };
}

/** Recent jobs with their progress, rate and ETA (rate over the time since the job started). */
export async function listJobs(limit = 50, where: { id?: string } = {}): Promise<JobProgress[]> {
  // exports and imports run as jobs too; their own pages show them
  const jobs = await prisma.job.findMany({
    where: { ...where, kind: { in: [...MODEL_JOB_KINDS] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { provider: { select: { name: true, inputPricePerMTok: true, outputPricePerMTok: true } } },
  });
  const counters = await readCounters(jobs.map((j) => `job:${j.id}` as const));
  const inFlight = await itemsInFlight(
    jobs.filter((j) => j.status !== "done" && j.status !== "failed").map((j) => j.id),
  );
  const now = Date.now();
  return jobs.map((job) => {
    const handled = job.itemsDone + job.itemsFailed;
    const end = job.finishedAt?.getTime() ?? now;
    const seconds = job.startedAt ? (end - job.startedAt.getTime()) / 1000 : 0;
    const rate = seconds > 0 && handled > 0 ? handled / seconds : null;
    const planned =
      job.kind === "strong"
        ? plannedTotal(job, counters.get(`job:${job.id}`))
        : { total: job.itemsTotal, discovering: false };
    const open = Math.max(0, planned.total - handled);
    const counts = jobCounts(counters.get(`job:${job.id}`));
    return {
      id: job.id,
      kind: job.kind,
      status: job.status,
      result: jobResult(job),
      itemsTotal: planned.total,
      totalDiscovering: planned.discovering,
      itemsDone: job.itemsDone,
      itemsFailed: job.itemsFailed,
      itemsInFlight: inFlight.get(job.id) ?? 0,
      itemsPerSecond: rate,
      etaSeconds: rate && job.status === "running" && !planned.discovering ? open / rate : null, // no ETA before the total is planned
      failuresByKind: counts.failuresByKind,
      pairsCreated: counts.pairs,
      samplesCreated: counts.samplesOk,
      samplesDiscarded: counts.samplesOther,
      provider: job.provider?.name ?? null,
      modelCalls: counts.calls,
      promptTokens: job.promptTokens,
      completionTokens: job.completionTokens,
      costUsd: knownCostUsd(job.costUsd, job.provider, counts.calls),
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
