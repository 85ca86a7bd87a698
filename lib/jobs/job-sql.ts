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

/**
 * One INSERT of many rows, in the app's row format (the caller gives every column Prisma would
 * write, ids and times included): a hot path the runner takes for every item, without the query
 * compiler. `table` and `columns` are constants of the caller, never input.
 */
export async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const values = rows.map((row) => Prisma.sql`(${Prisma.join(row)})`);
  await tx.$executeRaw`INSERT INTO ${Prisma.raw(table)} (${Prisma.raw(columns.join(", "))}) VALUES ${Prisma.join(values)}`;
}
