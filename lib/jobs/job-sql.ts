import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/jobs/item-outcome";

// The runner's hot statements as SQL: one conditional statement each, where Prisma's query API
// would send several. Times are stored by Prisma as ISO text with "+00:00"; they are written and
// compared in that form.

export const sqlTime = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** A counter of a job that an item's end adds to. */
export type ItemEnd = "items_done" | "items_failed";

/**
 * Counts one ended item on its job and closes the job when that was its last open item, judged by
 * the job's own counters (items are only added in the transaction that raises items_total, so
 * done + failed reaching the total means no item is open). One statement, no count of items.
 */
export async function countEndedItem(tx: Tx, jobId: string, end: ItemEnd, now: Date): Promise<void> {
  const column = Prisma.raw(end);
  const last = Prisma.sql`(status IN ('running', 'paused') AND items_done + items_failed + 1 >= items_total)`;
  await tx.$executeRaw`
    UPDATE jobs SET ${column} = ${column} + 1,
      status = CASE WHEN ${last} THEN 'done' ELSE status END,
      finished_at = CASE WHEN ${last} THEN ${sqlTime(now)} ELSE finished_at END
    WHERE id = ${jobId}`;
}
