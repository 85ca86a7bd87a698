import "server-only";
import crypto from "node:crypto";
import { prisma } from "@/lib/db";

export type ClaimedItem = { id: string; jobId: string; step: string; payloadJson: string; attempts: number; claim: string };

/**
 * Claims up to `limit` items of running jobs for `workerId`: pending items, or leased ones whose
 * lease has expired (their worker died). The claim is one conditional update that marks rows with
 * a token unique to this claim; rows another worker took first simply do not match.
 */
export async function claimJobItems(workerId: string, limit: number, leaseMs: number): Promise<ClaimedItem[]> {
  const now = new Date();
  const claimable = { job: { status: "running" }, OR: [{ status: "pending" }, { status: "leased", leaseExpiresAt: { lt: now } }] };
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
