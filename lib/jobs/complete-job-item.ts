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
 * the lease: an item's outputs are written exactly once, however often it was claimed.
 */
export async function completeJobItem(item: ClaimedItem, write: (tx: Tx) => Promise<void>, resultJson: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const marked = await tx.jobItem.updateMany({
      where: { id: item.id, leaseOwner: item.claim, status: "leased" },
      data: { status: "done", leaseExpiresAt: null, resultJson, error: null, errorKind: null },
    });
    if (marked.count !== 1) throw new LeaseLostError(item.id);
    await write(tx);
    await tx.job.update({ where: { id: item.jobId }, data: { itemsDone: { increment: 1 } } });
  });
  await finishJobIfComplete(item.jobId);
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
    if (!retry) await tx.job.update({ where: { id: item.jobId }, data: { itemsFailed: { increment: 1 } } });
  });
  if (!retry) await finishJobIfComplete(item.jobId);
}

async function finishJobIfComplete(jobId: string): Promise<void> {
  const open = await prisma.jobItem.count({ where: { jobId, status: { in: ["pending", "leased"] } } });
  if (open === 0) {
    await prisma.job.updateMany({ where: { id: jobId, status: { in: ["running", "paused"] } }, data: { status: "done", finishedAt: new Date() } });
  }
}
