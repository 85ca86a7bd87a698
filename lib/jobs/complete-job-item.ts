import "server-only";
import { prisma } from "@/lib/db";
import type { ClaimedItem } from "@/lib/jobs/claim-job-items";
import type { ItemWrite, RowsWrite, Tx } from "@/lib/jobs/item-outcome";
import { sqlTime } from "@/lib/store/sql-time";
import { writeInBatch, type BatchWriter } from "@/lib/jobs/write-batch";
import { recordDomainProposal, recordFailedBuild } from "@/lib/jobs/strong-plan-facts";

export { LeaseLostError } from "@/lib/jobs/mark-items";

/**
 * Marks the item done and writes its outputs in one transaction, only while this claim still
 * holds the lease: an item's outputs are written exactly once, however often it was claimed.
 * `write` returns what the item's result records (counts of what it wrote). The job's counters
 * are raised after the outputs, so that items a step adds (raising the job's total) are counted
 * before the job is judged complete. The transaction is shared with other items' ends
 * (lib/jobs/write-batch.ts): one commit for many items.
 */
export function completeJobItem(item: ClaimedItem, write: ItemWrite | RowsWrite): Promise<void> {
  const mark = { id: item.id, claim: item.claim, status: "done" as const, failure: null };
  const ended = (batch: BatchWriter, result: unknown) => {
    batch.result(item.id, JSON.stringify(result ?? null));
    batch.add(item.jobId, { itemsDone: 1 });
    return null;
  };
  if ("rows" in write) return writeInBatch({ rows: (batch) => ended(batch, write.rows(batch)) }, mark);
  return writeInBatch({ tx: async (tx, batch) => ended(batch, await write(tx, batch)) }, mark);
}

/** Records a failure: back to pending while retries remain, else failed with its kind and reason. */
export function failJobItem(
  item: ClaimedItem,
  failure: { kind: string; message: string; retryable: boolean },
  maxAttempts: number,
): Promise<void> {
  const retry = failure.retryable && item.attempts < maxAttempts;
  const mark = {
    id: item.id,
    claim: item.claim,
    status: retry ? ("pending" as const) : ("failed" as const),
    failure: { kind: failure.kind, message: failure.message },
  };
  // what a strong job plans changes when a step fails for good: a proposal that failed leaves the
  // given domains (its total is known now); a build that failed takes its database's questions away
  const planFact = retry
    ? null
    : item.step === "propose-domains"
      ? (tx: Tx) => recordDomainProposal(tx, item.jobId, 0)
      : item.step === "build-database"
        ? (tx: Tx) => recordFailedBuild(tx, item.jobId)
        : null;
  if (planFact)
    return writeInBatch(
      {
        tx: async (tx, batch) => {
          batch.add(item.jobId, { itemsFailed: 1 });
          await planFact(tx);
          return null;
        },
      },
      mark,
    );
  return writeInBatch(
    {
      rows: (batch) => {
        if (!retry) batch.add(item.jobId, { itemsFailed: 1 });
        return null;
      },
    },
    mark,
  );
}

/** Renews the lease of an item still being worked on; false when it was lost meanwhile. */
export async function renewLease(item: ClaimedItem, leaseMs: number): Promise<boolean> {
  const now = new Date();
  const renewed = await prisma.$executeRaw`
    UPDATE job_items SET lease_expires_at = ${sqlTime(new Date(now.getTime() + leaseMs))}, updated_at = ${sqlTime(now)}
    WHERE id = ${item.id} AND lease_owner = ${item.claim} AND status = 'leased'`;
  return renewed === 1;
}

/** Whether this claim still holds the item's lease, as the store says now. */
export async function leaseHeld(item: ClaimedItem): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM job_items WHERE id = ${item.id} AND lease_owner = ${item.claim} AND status = 'leased'`;
  return rows.length === 1;
}

/** Which of these jobs are running (claimed items of the others must not start). */
export async function runningJobIds(jobIds: string[]): Promise<string[]> {
  if (!jobIds.length) return [];
  return (
    await prisma.job.findMany({ where: { id: { in: jobIds }, status: "running" }, select: { id: true } })
  ).map((j) => j.id);
}

/** Gives claimed items that were never started back to their queue, as if they had not been claimed. */
export async function releaseJobItems(items: ClaimedItem[]): Promise<void> {
  for (const item of items) {
    await prisma.$executeRaw`
      UPDATE job_items SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL, attempts = attempts - 1, updated_at = ${sqlTime(new Date())}
      WHERE id = ${item.id} AND lease_owner = ${item.claim} AND status = 'leased'`;
  }
}
