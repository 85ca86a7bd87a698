import "server-only";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { pairSnapshot, sameSnapshot, sftSnapshot, snapshotData, type PairSnapshot, type SftSnapshot } from "@/lib/review/item-snapshot";
import type { Reviewer } from "@/lib/review/reviewer";
import type { ReviewQueue } from "@/lib/review/review-types";

/** How far back undo reaches: decisions older than this stand (they may be exported already). */
const UNDO_WINDOW_MS = 60 * 60 * 1000;

/**
 * Undoes the reviewer's last action that is not undone yet: the item goes back to the state before
 * it (pending again), leased to the reviewer, and an "undo" audit row records it. Refused when the
 * item was changed since by someone else, so nobody's later decision is overwritten.
 */
export async function undoLastAction(reviewer: Reviewer, leaseMs: number): Promise<{ queue: ReviewQueue; id: string; undone: string }> {
  return prisma.$transaction(async (tx) => {
    const since = new Date(Date.now() - UNDO_WINDOW_MS);
    const last = await tx.reviewAction.findFirst({ where: { userId: reviewer.id, undoneAt: null, action: { not: "undo" }, createdAt: { gte: since } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    if (!last) throw notFound("There is nothing of yours to undo from the last hour.");
    const queue: ReviewQueue = last.itemType === "sft" ? "sft" : "pairs";
    const now = new Date();
    const lease = { leaseOwnerId: reviewer.id, leaseExpiresAt: new Date(now.getTime() + leaseMs) };
    let current: SftSnapshot | PairSnapshot;
    if (queue === "sft") {
      const item = await tx.sftSample.findUnique({ where: { id: last.itemId } });
      if (!item) throw notFound("The item of your last action no longer exists.");
      current = sftSnapshot(item);
      if (!sameSnapshot(current, JSON.parse(last.afterJson))) throw conflict("The item of your last action was changed since by someone else; it was not undone.");
      await tx.sftSample.update({ where: { id: item.id }, data: { ...snapshotData(JSON.parse(last.beforeJson) as SftSnapshot), ...lease } });
    } else {
      const item = await tx.preferencePair.findUnique({ where: { id: last.itemId } });
      if (!item) throw notFound("The item of your last action no longer exists.");
      current = pairSnapshot(item);
      if (!sameSnapshot(current, JSON.parse(last.afterJson))) throw conflict("The item of your last action was changed since by someone else; it was not undone.");
      await tx.preferencePair.update({ where: { id: item.id }, data: { ...snapshotData(JSON.parse(last.beforeJson) as PairSnapshot), ...lease } });
    }
    await tx.reviewAction.update({ where: { id: last.id }, data: { undoneAt: now } });
    await tx.reviewAction.create({ data: { itemType: last.itemType, itemId: last.itemId, userId: reviewer.id, via: reviewer.via ?? "ui", action: "undo", beforeJson: JSON.stringify(current), afterJson: last.beforeJson } });
    return { queue, id: last.itemId, undone: last.action };
  });
}
