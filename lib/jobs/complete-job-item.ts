import "server-only";
import { prisma } from "@/lib/db";
import type { ClaimedItem } from "@/lib/jobs/claim-job-items";
import type { Tx } from "@/lib/jobs/item-outcome";
import { countEndedItem, sqlTime } from "@/lib/jobs/job-sql";

/** The item's lease went to another worker (this one was too slow or presumed dead): nothing was written. */
export class LeaseLostError extends Error {
  constructor(itemId: string) {
    super(`Lease on job item ${itemId} was lost; its outputs were not written.`);
    this.name = "LeaseLostError";
  }
}

/**
 * Writes the item's outputs and marks it done in one transaction, only while this claim still
 * holds the lease (else the transaction rolls back, outputs and all): an item's outputs are written
 * exactly once, however often it was claimed. `write` returns what the item's result records
 * (counts of what it wrote). Outputs first, so that items a step adds (which raise the job's total)
 * are counted before the job is judged complete. Two statements besides the outputs.
 */
export async function completeJobItem(item: ClaimedItem, write: (tx: Tx) => Promise<unknown>): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const result = await write(tx);
    const now = new Date();
    const marked = await tx.$executeRaw`
      UPDATE job_items SET status = 'done', lease_expires_at = NULL, error = NULL, error_kind = NULL,
        result_json = ${JSON.stringify(result ?? null)}, updated_at = ${sqlTime(now)}
      WHERE id = ${item.id} AND lease_owner = ${item.claim} AND status = 'leased'`;
    if (marked !== 1) throw new LeaseLostError(item.id);
    await countEndedItem(tx, item.jobId, "items_done", now);
  });
}

/** Renews the lease of an item still being worked on; false when it was lost meanwhile. */
export async function renewLease(item: ClaimedItem, leaseMs: number): Promise<boolean> {
  const now = new Date();
  const renewed = await prisma.$executeRaw`
    UPDATE job_items SET lease_expires_at = ${sqlTime(new Date(now.getTime() + leaseMs))}, updated_at = ${sqlTime(now)}
    WHERE id = ${item.id} AND lease_owner = ${item.claim} AND status = 'leased'`;
  return renewed === 1;
}

/** Records a failure: back to pending while retries remain, else failed with its kind and reason. */
export async function failJobItem(item: ClaimedItem, failure: { kind: string; message: string; retryable: boolean }, maxAttempts: number): Promise<void> {
  const retry = failure.retryable && item.attempts < maxAttempts;
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    const marked = await tx.$executeRaw`
      UPDATE job_items SET status = ${retry ? "pending" : "failed"}, lease_owner = NULL, lease_expires_at = NULL,
        error = ${failure.message}, error_kind = ${failure.kind}, updated_at = ${sqlTime(now)}
      WHERE id = ${item.id} AND lease_owner = ${item.claim} AND status = 'leased'`;
    if (marked !== 1) throw new LeaseLostError(item.id);
    if (!retry) await countEndedItem(tx, item.jobId, "items_failed", now);
  });
}

/** Gives claimed items that were never started back to their queue, as if they had not been claimed. */
export async function releaseJobItems(items: ClaimedItem[]): Promise<void> {
  for (const item of items) {
    await prisma.$executeRaw`
      UPDATE job_items SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL, attempts = attempts - 1, updated_at = ${sqlTime(new Date())}
      WHERE id = ${item.id} AND lease_owner = ${item.claim} AND status = 'leased'`;
  }
}
