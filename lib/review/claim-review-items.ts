import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { queueFilterSql, queueTable } from "@/lib/review/queue-sql";
import { sqlTime } from "@/lib/store/sql-time";
import type { QueueItemFilters } from "@/lib/review/review-queue-filters";
import type { ReviewQueue } from "@/lib/review/review-types";
import { ITEM_KINDS } from "@/lib/items/item-kinds";
import { itemRows } from "@/lib/items/item-rows";

/**
 * The items a reviewer works on next: those they already hold, then new claims up to `want`. A new
 * claim is one conditional UPDATE that takes the oldest pending items nobody holds (or whose lease
 * expired) and marks them with the reviewer and a lease: two reviewers can never get the same item.
 */
export async function claimReviewItems(
  reviewerId: string,
  queue: ReviewQueue,
  filters: QueueItemFilters,
  options: { want: number; leaseMs: number; skip?: string[]; pin?: string },
): Promise<string[]> {
  const table = queueTable(queue);
  const where = queueFilterSql(queue, filters);
  const now = new Date();
  const skip = options.skip?.length ? Prisma.sql`AND id NOT IN (${Prisma.join(options.skip)})` : Prisma.empty;
  // "+status" keeps SQLite on the lease-owner index: a reviewer holds a few items among many pending
  const heldRows = await prisma.$queryRaw<{ id: string; created_at: Date | string }[]>`
    SELECT id, created_at FROM ${table}
    WHERE lease_owner_id = ${reviewerId} AND +status = 'pending' AND lease_expires_at > ${sqlTime(now)} AND ${where} ${skip}`;
  const time = (v: Date | string) => new Date(v).getTime();
  const byAge = (
    a: { id: string; created_at: Date | string },
    b: { id: string; created_at: Date | string },
  ) => time(a.created_at) - time(b.created_at) || a.id.localeCompare(b.id);
  // a pinned item (one the reviewer just undid) comes first
  const held = heldRows
    .sort((a, b) => Number(b.id === options.pin) - Number(a.id === options.pin) || byAge(a, b))
    .slice(0, options.want);
  const missing = options.want - held.length;
  if (missing <= 0) return held.map((r) => r.id);
  const until = sqlTime(new Date(now.getTime() + options.leaseMs));
  const claimed = await prisma.$queryRaw<{ id: string; created_at: Date | string }[]>`
    UPDATE ${table} SET lease_owner_id = ${reviewerId}, lease_expires_at = ${until}
    WHERE id IN (
      SELECT id FROM ${table}
      WHERE status = 'pending' AND (lease_owner_id IS NULL OR lease_expires_at IS NULL OR lease_expires_at <= ${sqlTime(now)}) AND ${where} ${skip}
      ORDER BY created_at LIMIT ${missing}
    )
    RETURNING id, created_at`;
  claimed.sort(byAge);
  return [...held.map((r) => r.id), ...claimed.map((r) => r.id)];
}

/** Extends the reviewer's leases on the given items still pending (a lease already lost stays lost). */
export async function renewReviewLeases(reviewerId: string, ids: string[], leaseMs: number): Promise<number> {
  const now = new Date();
  const data = { leaseExpiresAt: new Date(now.getTime() + leaseMs) };
  const where = { id: { in: ids }, leaseOwnerId: reviewerId, status: "pending", leaseExpiresAt: { gt: now } };
  return prisma.$transaction(async (tx) => {
    let renewed = 0;
    for (const kind of ITEM_KINDS) renewed += await itemRows[kind].update(tx, where, data);
    return renewed;
  });
}

/** Gives an item back to the queue (skip): only the reviewer holding it can. */
export async function releaseReviewItem(
  reviewerId: string,
  queue: ReviewQueue,
  id: string,
): Promise<boolean> {
  const where = { id, leaseOwnerId: reviewerId, status: "pending" };
  const data = { leaseOwnerId: null, leaseExpiresAt: null };
  return (await itemRows[queue].update(prisma, where, data)) === 1;
}

/** Gives back every item the reviewer holds except `keep` (their deck): a reviewer holds one deck at a time. */
export async function releaseOtherReviewItems(reviewerId: string, keep: string[]): Promise<number> {
  const except = keep.length ? Prisma.sql`AND id NOT IN (${Prisma.join(keep)})` : Prisma.empty;
  // "+status" keeps SQLite on the lease-owner index (a reviewer holds a few items), not on the walk of every pending one
  const release = (queue: ReviewQueue) =>
    prisma.$executeRaw`UPDATE ${queueTable(queue)} SET lease_owner_id = NULL, lease_expires_at = NULL WHERE lease_owner_id = ${reviewerId} AND +status = 'pending' ${except}`;
  const released = await prisma.$transaction(ITEM_KINDS.map(release));
  return released.reduce((a, b) => a + b, 0);
}
