import "server-only";
import { prisma } from "@/lib/db";
import type { ClaimedItem } from "@/lib/jobs/claim-job-items";
import type { Tx } from "@/lib/jobs/item-outcome";

/** The item's lease went to another worker (this one was too slow or presumed dead): nothing was written. */
export class LeaseLostError extends Error {
  constructor(itemId: string) {
    super(`Lease on job item ${itemId} was lost; its outputs were not written.`);
    this.name = "LeaseLostError";
  }
}

/**
 * Marks the item done and writes its outputs in one transaction, only while this claim still holds
 * the lease: an item's outputs are written exactly once, however often it was claimed. `write`
 * returns what the item's result records (counts of what it wrote).
 */
export async function completeJobItem(item: ClaimedItem, write: (tx: Tx) => Promise<unknown>): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const marked = await tx.jobItem.updateMany({
      where: { id: item.id, leaseOwner: item.claim, status: "leased" },
      data: { status: "done", leaseExpiresAt: null, error: null, errorKind: null },
    });
    if (marked.count !== 1) throw new LeaseLostError(item.id);
    const result = await write(tx);
    await tx.jobItem.update({ where: { id: item.id }, data: { resultJson: JSON.stringify(result ?? null) } });
    await tx.job.update({ where: { id: item.jobId }, data: { itemsDone: { increment: 1 } } });
    await finishJobIfComplete(tx, item.jobId);
  });
}

/** Renews the lease of an item still being worked on; false when it was lost meanwhile. */
export async function renewLease(item: ClaimedItem, leaseMs: number): Promise<boolean> {
  const renewed = await prisma.jobItem.updateMany({
    where: { id: item.id, leaseOwner: item.claim, status: "leased" },
    data: { leaseExpiresAt: new Date(Date.now() + leaseMs) },
  });
  return renewed.count === 1;
}

/** Records a failure: back to pending while retries remain, else failed with its kind and reason. */
export async function failJobItem(item: ClaimedItem, failure: { kind: string; message: string; retryable: boolean }, maxAttempts: number): Promise<void> {
  const retry = failure.retryable && item.attempts < maxAttempts;
  await prisma.$transaction(async (tx) => {
    const marked = await tx.jobItem.updateMany({
      where: { id: item.id, leaseOwner: item.claim, status: "leased" },
      data: { status: retry ? "pending" : "failed", leaseOwner: null, leaseExpiresAt: null, error: failure.message, errorKind: failure.kind },
    });
    if (marked.count !== 1) throw new LeaseLostError(item.id);
    if (!retry) {
      await tx.job.update({ where: { id: item.jobId }, data: { itemsFailed: { increment: 1 } } });
      await finishJobIfComplete(tx, item.jobId);
    }
  });
}

/** Closes the job in the same transaction that handled its last open item. */
async function finishJobIfComplete(tx: Tx, jobId: string): Promise<void> {
  const open = await tx.jobItem.count({ where: { jobId, status: { in: ["pending", "leased"] } } });
  if (open === 0) {
    await tx.job.updateMany({ where: { id: jobId, status: { in: ["running", "paused"] } }, data: { status: "done", finishedAt: new Date() } });
  }
}
