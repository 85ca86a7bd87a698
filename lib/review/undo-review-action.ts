import "server-only";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { kindOfAuditType } from "@/lib/items/item-kinds";
import { itemRows, type SnapshotOf } from "@/lib/items/item-rows";
import { sameSnapshot, snapshotData } from "@/lib/review/item-snapshot";
import type { Reviewer } from "@/lib/review/reviewer";
import type { ReviewQueue } from "@/lib/review/review-types";

/** How far back undo reaches: decisions older than this stand (they may be exported already). */
const UNDO_WINDOW_MS = 60 * 60 * 1000;

/**
 * Undoes the reviewer's last action that is not undone yet: the item goes back to the state before
 * it (pending again), leased to the reviewer, and an "undo" audit row records it. Refused when the
 * item was changed since by someone else, so nobody's later decision is overwritten.
 */
export async function undoLastAction(
  reviewer: Reviewer,
  leaseMs: number,
): Promise<{ queue: ReviewQueue; id: string; undone: string }> {
  return prisma.$transaction(async (tx) => {
    const since = new Date(Date.now() - UNDO_WINDOW_MS);
    const last = await tx.reviewAction.findFirst({
      where: { userId: reviewer.id, undoneAt: null, action: { not: "undo" }, createdAt: { gte: since } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    if (!last) throw notFound("There is nothing of yours to undo from the last hour.");
    const kind = kindOfAuditType(last.itemType);
    if (!kind)
      throw notFound(
        `Your last action was on an item of a kind this version does not know ("${last.itemType}").`,
      );
    const rows = itemRows[kind];
    const now = new Date();
    const current = await rows.snapshot(tx, { id: last.itemId });
    if (!current) throw notFound("The item of your last action no longer exists.");
    if (!sameSnapshot(current, JSON.parse(last.afterJson)))
      throw conflict("The item of your last action was changed since by someone else; it was not undone.");
    const restored = snapshotData(JSON.parse(last.beforeJson) as SnapshotOf[typeof kind]);
    await rows.update(
      tx,
      { id: last.itemId },
      { ...restored, leaseOwnerId: reviewer.id, leaseExpiresAt: new Date(now.getTime() + leaseMs) },
    );
    await tx.reviewAction.update({ where: { id: last.id }, data: { undoneAt: now } });
    await tx.reviewAction.create({
      data: {
        itemType: last.itemType,
        itemId: last.itemId,
        userId: reviewer.id,
        via: reviewer.via ?? "ui",
        action: "undo",
        beforeJson: JSON.stringify(current),
        afterJson: last.beforeJson,
      },
    });
    return { queue: kind, id: last.itemId, undone: last.action };
  });
}
