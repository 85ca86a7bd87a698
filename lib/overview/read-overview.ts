import "server-only";
import { prisma } from "@/lib/db";
import { listJobs } from "@/lib/jobs/read-jobs";
import { asRecord, keyParts, readCounters } from "@/lib/store/store-counters";
import { readReviewerProgress } from "@/lib/overview/reviewer-progress";
import { orderByDifficulty } from "@/lib/items/difficulty-order";
import { jobFunnel, overallFunnel } from "@/lib/overview/funnel";
import { readThroughput } from "@/lib/overview/throughput";
import { readExportedRows } from "@/lib/overview/exported-rows";

/** Whose progress an overview shows: everyone's (leads and admins) or the asking person's only. */
export type OverviewScope = { everyone: true } | { everyone: false; userId: string };

/** Sums counts by one part of their keys ('' in the key, a NULL in the row, is `fallback`). */
function sumByPart(
  counts: Map<string, number> | undefined,
  part: number,
  fallback: string,
  names?: Map<string, string>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of counts ?? []) {
    const value = keyParts(key)[part] ?? fallback;
    const label = names?.get(value) ?? value;
    out[label] = (out[label] ?? 0) + n;
  }
  return out;
}

/**
 * What the lead's overview shows: jobs, execution pass rates, review progress per person, the
 * curated data's shape. Every figure comes from the counters the store keeps (store_counters), so
 * a refresh costs the same on a store of a thousand items as on one of millions.
 */
export async function readOverview(scope: OverviewScope = { everyone: true }) {
  const [jobs, counters, reviewers, throughput, exportedRows] = await Promise.all([
    scope.everyone ? listJobs(8) : Promise.resolve([]),
    readCounters([
      "strong.exec",
      "strong.rows",
      "candidate.verdict",
      "sft.status",
      "pair.status",
      "curated.sft",
      "curated.pairs",
    ]),
    readReviewerProgress(scope.everyone ? null : scope.userId),
    readThroughput(),
    readExportedRows(),
  ]);
  const jobCounters = await readCounters(jobs.map((j) => `job:${j.id}` as const));
  const curatedSft = counters.get("curated.sft");
  const databaseIds = [
    ...new Set([...(curatedSft?.keys() ?? [])].map((k) => keyParts(k)[1]).filter((id): id is string => !!id)),
  ];
  const databases = await prisma.targetDatabase.findMany({
    where: { id: { in: databaseIds } },
    select: { id: true, name: true },
  });
  const weakVerdicts: Record<string, Record<string, number>> = { "weak-model": {}, mutation: {} };
  for (const [key, n] of counters.get("candidate.verdict") ?? []) {
    const [source, verdict] = keyParts(key);
    if (source && verdict && weakVerdicts[source]) weakVerdicts[source][verdict] = n;
  }
  return {
    everyone: scope.everyone,
    jobs,
    funnel: overallFunnel({
      sftStatus: counters.get("sft.status"),
      strongExec: counters.get("strong.exec"),
      candidateVerdicts: counters.get("candidate.verdict"),
      pairStatus: counters.get("pair.status"),
      exportedRows,
    }),
    jobFunnels: jobs.map((j) => ({
      id: j.id,
      kind: j.kind,
      status: j.result ?? j.status,
      createdAt: j.createdAt,
      stages: jobFunnel(j.kind, jobCounters.get(`job:${j.id}`)),
    })),
    throughput,
    strongExecution: {
      byStatus: asRecord(counters.get("strong.exec")),
      returnsRows: counters.get("strong.rows")?.get("") ?? 0,
    },
    weakVerdicts,
    review: {
      sft: asRecord(counters.get("sft.status")),
      pairs: asRecord(counters.get("pair.status")),
      reviewers,
    },
    curated: {
      sftByDifficulty: orderByDifficulty(sumByPart(curatedSft, 0, "unknown")),
      sftByDatabase: sumByPart(curatedSft, 1, "unknown", new Map(databases.map((d) => [d.id, d.name]))),
      pairsByDifficulty: orderByDifficulty(sumByPart(counters.get("curated.pairs"), 0, "unknown")),
      pairsByOrigin: sumByPart(counters.get("curated.pairs"), 1, "imported"),
    },
  };
}

export type Overview = Awaited<ReturnType<typeof readOverview>>;
