import "server-only";
import { prisma } from "@/lib/db";
import { pairDifficulty, pairOrigin } from "@/lib/items/item-facets";
import { Prisma } from "@/lib/generated/prisma/client";
import { queueFilterSql, queueTable } from "@/lib/review/queue-sql";
import type { ReviewQueueFilters } from "@/lib/review/review-queue-filters";
import { effectiveChosen, effectiveRejected } from "@/lib/review/item-snapshot";
import { runForDisplay } from "@/lib/review/run-for-display";
import { asRecord, readCounters } from "@/lib/store/store-counters";
import { keysetPage, keysetQuery } from "@/lib/util/keyset-page";
import type { DisplayResult } from "@/lib/sql/display-result";
import { KIND } from "@/lib/items/item-kinds";

export type StoredResult = DisplayResult;

/** Items per status in each queue (SFT samples, preference pairs), for the queue tabs. */
export async function countReviewQueues() {
  const counters = await readCounters(["sft.status", "pair.status"]);
  return { sft: asRecord(counters.get("sft.status")), pairs: asRecord(counters.get("pair.status")) };
}

/**
 * The ids of one Browse page in query order: the status and the same filters the claims use
 * (queue-sql.ts), keyset-paged by id through (status, id).
 */
async function pageIds(f: ReviewQueueFilters): Promise<string[]> {
  const { backwards, cursor, take } = keysetQuery(f);
  const from = cursor
    ? backwards
      ? Prisma.sql`AND id < ${cursor}`
      : Prisma.sql`AND id > ${cursor}`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM ${queueTable(f.queue)} WHERE status = ${f.status} ${from} AND ${queueFilterSql(f.queue, f, { reviewableOnly: false })}
    ORDER BY id ${backwards ? Prisma.sql`DESC` : Prisma.sql`ASC`} LIMIT ${take}`;
  return rows.map((r) => r.id);
}

/** Rows in the order of `ids` (a findMany by ids comes back in any order). */
const inOrder = <T extends { id: string }>(ids: string[], rows: T[]) => {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => !!r);
};

/** The queue's count when only the status (and a job) filter it, from the store's counters; with more filters it is not counted (null). */
async function queueTotal(f: ReviewQueueFilters): Promise<number | null> {
  if (f.database || f.difficulty || f.origin) return null;
  if (!f.job) return (await countReviewQueues())[f.queue][f.status] ?? 0;
  const job = (await readCounters([`job:${f.job}`])).get(`job:${f.job}`);
  return job?.get(`${KIND[f.queue].counterPrefix}:${f.status}`) ?? 0;
}

/** One page of strong samples with their execution result, oldest first (keyset-paged by id). */
export async function listSftQueue(f: ReviewQueueFilters) {
  const [ids, total] = await Promise.all([
    pageIds({ ...f, queue: "sft" }),
    queueTotal({ ...f, queue: "sft" }),
  ]);
  const rows = await prisma.sftSample.findMany({
    where: { id: { in: ids } },
    include: {
      database: { select: { name: true } },
      job: { select: { id: true, kind: true, provider: { select: { model: true } } } },
    },
  });
  const page = keysetPage(f, inOrder(ids, rows));
  return {
    total,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    items: page.items.map((s) => ({
      id: s.id,
      question: s.question,
      sql: s.sql,
      difficulty: s.difficulty,
      origin: s.origin,
      database: s.database.name,
      jobId: s.jobId,
      model: s.job?.provider?.model ?? null,
      execStatus: s.execStatus,
      execError: s.execError,
      result: s.resultJson ? (JSON.parse(s.resultJson) as StoredResult) : null,
    })),
  };
}

const PREVIEW_ROWS = 5;
/** A rejected answer that timed out when judged is not run again for display (it would take the whole limit). */
export const TIMED_OUT_WHEN_JUDGED = "timed out when it was judged; not run again";

/** Runs a SQL of a pair on its database through the sandbox, for display (first rows, or the error). */
async function previewResult(
  filePath: string | null,
  sql: string,
): Promise<StoredResult | { error: string }> {
  const r = await runForDisplay(filePath, sql, PREVIEW_ROWS);
  return r.ok ? r : { error: r.message };
}

/** One page of preference pairs with both sides executed and the rejected answer's verdict, oldest first (keyset-paged by id). */
export async function listPairQueue(f: ReviewQueueFilters) {
  const [ids, total] = await Promise.all([
    pageIds({ ...f, queue: "pairs" }),
    queueTotal({ ...f, queue: "pairs" }),
  ]);
  const rows = await prisma.preferencePair.findMany({
    where: { id: { in: ids } },
    include: {
      task: {
        select: {
          question: true,
          evidence: true,
          difficulty: true,
          hardness: true,
          database: { select: { name: true, filePath: true } },
        },
      },
      rejectedCandidate: { select: { verdict: true, error: true, source: true } },
      job: { select: { kind: true, provider: { select: { model: true } } } },
    },
  });
  const page = keysetPage(f, inOrder(ids, rows));
  const results = await Promise.all(
    page.items.map((p) =>
      Promise.all([
        previewResult(p.task.database.filePath, effectiveChosen(p)),
        p.rejectedCandidate?.verdict === "timeout"
          ? { error: TIMED_OUT_WHEN_JUDGED }
          : previewResult(p.task.database.filePath, effectiveRejected(p)),
      ]),
    ),
  );
  return {
    total,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    items: page.items.map((p, i) => ({
      id: p.id,
      chosenResult: results[i]![0],
      rejectedResult: results[i]![1],
      question: p.task.question,
      evidence: p.task.evidence,
      difficulty: pairDifficulty(p.task),
      database: p.task.database.name,
      chosenSql: effectiveChosen(p),
      chosenSource: p.chosenSource,
      rejectedSql: effectiveRejected(p),
      rejectedVerdict: p.rejectedCandidate?.verdict ?? null,
      rejectedError: p.rejectedCandidate?.error ?? null,
      origin: pairOrigin(p.job?.kind, p.rejectedCandidate?.source),
      model: p.job?.provider?.model ?? null,
      jobId: p.jobId,
    })),
  };
}

/** What the Review page shows for its filters: the counts and one page of the chosen queue. */
export async function readReviewPage(f: ReviewQueueFilters) {
  const counts = await countReviewQueues();
  if (f.queue === "sft") return { counts, queue: "sft" as const, ...(await listSftQueue(f)) };
  return { counts, queue: "pairs" as const, ...(await listPairQueue(f)) };
}
