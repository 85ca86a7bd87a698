import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { knownCostUsd } from "@/lib/jobs/job-cost";
import { listJobs } from "@/lib/jobs/read-jobs";
import { MODEL_JOB_KINDS } from "@/lib/jobs/job-config";
import { keyParts, readCounters } from "@/lib/store/store-counters";

/** A job's model calls per hour from the 'jobcalls:<id>' counters (pure: key hour \x1f calls | failed | tokens | microusd). */
export function callsPerHour(counts: Map<string, number> | undefined) {
  const hours = new Map<
    string,
    { hour: string; calls: number; failed: number; tokens: number; costUsd: number }
  >();
  for (const [key, n] of counts ?? []) {
    const [hour, what] = keyParts(key);
    if (!hour) continue;
    const h = hours.get(hour) ?? { hour, calls: 0, failed: 0, tokens: 0, costUsd: 0 };
    if (what === "calls") h.calls += n;
    else if (what === "failed") h.failed += n;
    else if (what === "tokens") h.tokens += n;
    else if (what === "microusd") h.costUsd += n / 1e6;
    hours.set(hour, h);
  }
  return [...hours.values()].sort((a, b) => a.hour.localeCompare(b.hour));
}

/** The largest number of items walked from a job's start to find its propose-domains item (it is queued with the first). */
const DOMAINS_ITEM_WINDOW = 2_500;

/** The domains a strong job's model proposed (the propose-domains item's result), or null when it has none or is not done. */
async function proposedDomains(jobId: string): Promise<{ status: string; domains: string[] | null } | null> {
  const first = await prisma.jobItem.findMany({
    where: { jobId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: DOMAINS_ITEM_WINDOW,
    select: { step: true, status: true, resultJson: true },
  });
  const item = first.find((i) => i.step === "propose-domains");
  if (!item) return null;
  let domains: string[] | null = null;
  try {
    const result = item.resultJson ? (JSON.parse(item.resultJson) as { domains?: unknown }) : null;
    if (Array.isArray(result?.domains))
      domains = result.domains.filter((d): d is string => typeof d === "string");
  } catch {
    domains = null;
  }
  return { status: item.status, domains };
}

/**
 * One job for its page: progress (as on the jobs list), its configuration (the provider by name,
 * model and base URL: never its API key), who started it and when, the domains its model proposed,
 * and its model calls, tokens and cost per hour.
 */
export async function readJobDetail(jobId: string) {
  const job = await prisma.job.findUnique({
    where: { id: jobId, kind: { in: [...MODEL_JOB_KINDS] } },
    include: {
      provider: {
        select: { name: true, model: true, baseUrl: true, inputPricePerMTok: true, outputPricePerMTok: true },
      },
      createdBy: { select: { name: true, email: true } },
    },
  });
  if (!job) throw notFound(`No job with id ${jobId}.`);
  const starter = job.createdBy;
  const [progress, counters, domains] = await Promise.all([
    listJobs(1, { id: jobId }),
    readCounters([`jobcalls:${jobId}`]),
    job.kind === "strong" ? proposedDomains(jobId) : null,
  ]);
  const { prompts, ...config } = JSON.parse(job.configJson) as Record<string, unknown> & {
    prompts?: Record<string, string>;
  };
  return {
    progress: progress[0]!,
    config,
    prompts: prompts ?? {},
    provider: job.provider,
    startedBy: starter ? { name: starter.name, email: starter.email } : null,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    proposedDomains: domains,
    callsPerHour: callsPerHour(counters.get(`jobcalls:${jobId}`)).map((h) => ({
      ...h,
      costUsd: knownCostUsd(h.costUsd, job.provider, h.calls),
    })),
  };
}

export type JobDetail = Awaited<ReturnType<typeof readJobDetail>>;

/** Whether a job with this id exists (its page answers 404 before anything is loaded in the browser). */
export async function jobExists(jobId: string): Promise<boolean> {
  return (await prisma.job.count({ where: { id: jobId, kind: { in: [...MODEL_JOB_KINDS] } } })) > 0;
}
