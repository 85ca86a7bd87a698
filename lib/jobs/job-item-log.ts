import "server-only";
import { prisma } from "@/lib/db";
import { invalidInput, notFound } from "@/lib/errors";
import type { JobItemLogFilters } from "@/lib/jobs/job-item-log-filters";

export const ITEM_LOG_PAGE = 50;

/**
 * One page of a job's items, oldest first, keyset-paged on (created_at, id): without a status through
 * the index (job_id, created_at, id), with one through the claim index (job_id, status, created_at, id).
 * An error kind narrows the failed items (the only ones that have one).
 */
export async function listJobItemLog(jobId: string, filters: JobItemLogFilters) {
  if (filters.errorKind && filters.status && filters.status !== "failed")
    throw invalidInput("errorKind filters failed items: use it with status=failed or without a status.");
  if (!(await prisma.job.findUnique({ where: { id: jobId }, select: { id: true } })))
    throw notFound(`No job with id ${jobId}.`);
  const status = filters.errorKind ? "failed" : filters.status;
  let cursor: { createdAt: Date; id: string } | null = null;
  if (filters.after) {
    cursor = await prisma.jobItem.findFirst({
      where: { id: filters.after, jobId },
      select: { createdAt: true, id: true },
    });
    if (!cursor) throw invalidInput(`after: no item ${filters.after} in this job.`);
  }
  const rows = await prisma.jobItem.findMany({
    where: {
      jobId,
      ...(status ? { status } : {}),
      ...(filters.errorKind ? { errorKind: filters.errorKind } : {}),
      // created_at >= c AND (created_at > c OR id > c.id): a range of the index, so a deep page costs one page
      ...(cursor
        ? {
            createdAt: { gte: cursor.createdAt },
            OR: [{ createdAt: { gt: cursor.createdAt } }, { id: { gt: cursor.id } }],
          }
        : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: ITEM_LOG_PAGE + 1,
    select: {
      id: true,
      step: true,
      status: true,
      attempts: true,
      errorKind: true,
      error: true,
      payloadJson: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  const page = rows.slice(0, ITEM_LOG_PAGE);
  return {
    items: page.map((i) => ({
      ...i,
      error: i.error?.slice(0, 2_000) ?? null,
      payloadJson: i.payloadJson.slice(0, 500),
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
    })),
    next: rows.length > ITEM_LOG_PAGE ? page.at(-1)!.id : null,
  };
}

export type JobItemLogPage = Awaited<ReturnType<typeof listJobItemLog>>;
