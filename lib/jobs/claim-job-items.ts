import "server-only";
import crypto from "node:crypto";
import { prisma } from "@/lib/db";

/** Claims beyond the allowed attempts that may end in a lost lease (a runner killed or stuck). */
const MAX_LOST_LEASES = 5;

export type ClaimedItem = { id: string; jobId: string; step: string; payloadJson: string; attempts: number; claim: string };

/**
 * Claims up to `limit` items of running jobs for `workerId`: pending items, or leased ones whose
 * lease has expired (their worker died). The claim is one conditional update that marks rows with
 * a token unique to this claim; rows another worker took first simply do not match.
 */
export async function claimJobItems(workerId: string, limit: number, leaseMs: number, maxAttempts = 3): Promise<ClaimedItem[]> {
  const now = new Date();
  // an item whose runner keeps dying on it is not claimed again and again (see finishIdleJobs)
  const expired = { status: "leased", leaseExpiresAt: { lt: now }, attempts: { lt: maxAttempts + MAX_LOST_LEASES } };
  const claimable = { job: { status: "running" }, OR: [{ status: "pending" }, expired] };
  const candidates = await prisma.jobItem.findMany({ where: claimable, select: { id: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit });
  if (!candidates.length) return [];
  const claim = `${workerId}:${crypto.randomUUID()}`;
  await prisma.jobItem.updateMany({
    where: { id: { in: candidates.map((c) => c.id) }, ...claimable },
    data: { status: "leased", leaseOwner: claim, leaseExpiresAt: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
  });
  const won = await prisma.jobItem.findMany({ where: { leaseOwner: claim, status: "leased" }, select: { id: true, jobId: true, step: true, payloadJson: true, attempts: true } });
  return won.map((item) => ({ ...item, claim }));
}

/**
 * House-keeping when a runner has nothing to do: items whose leases were lost too often are failed
 * as "abandoned", and running jobs left with no open item (a runner died between completing the
 * last item and closing its job) are marked done.
 */
export async function finishIdleJobs(maxAttempts = 3): Promise<void> {
  const now = new Date();
  const abandoned = await prisma.jobItem.findMany({ where: { status: "leased", leaseExpiresAt: { lt: now }, attempts: { gte: maxAttempts + MAX_LOST_LEASES } }, select: { id: true, jobId: true } });
  for (const item of abandoned) {
    await prisma.$transaction(async (tx) => {
      const failed = await tx.jobItem.updateMany({
        where: { id: item.id, status: "leased", leaseExpiresAt: { lt: now } },
        data: { status: "failed", leaseOwner: null, leaseExpiresAt: null, errorKind: "abandoned", error: "Its runner stopped or lost the lease on every attempt." },
      });
      if (failed.count) await tx.job.update({ where: { id: item.jobId }, data: { itemsFailed: { increment: 1 } } });
    });
  }
  await prisma.job.updateMany({ where: { status: "running", items: { none: { status: { in: ["pending", "leased"] } } } }, data: { status: "done", finishedAt: now } });
}
