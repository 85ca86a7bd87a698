import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/jobs/item-outcome";
import { sqlTime } from "@/lib/store/sql-time";

// The runner's hot statements as SQL: one conditional statement each, where Prisma's query API
// would send several (times in the stored form, lib/store/sql-time.ts).

/** What writes add to a job's running totals: ended items, tokens and cost of model calls. */
export type JobDelta = { itemsDone: number; itemsFailed: number; promptTokens: number; completionTokens: number; costUsd: number };

export const noDelta = (): JobDelta => ({ itemsDone: 0, itemsFailed: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 });

/**
 * Adds to a job's totals and closes the job when its last open item ended, judged by the job's
 * own counters (items are only added in the transaction that raises items_total, so done + failed
 * reaching the total means no item is open). One statement, no count of items.
 */
export async function addToJob(tx: Tx, jobId: string, d: JobDelta, now: Date): Promise<void> {
  const ended = d.itemsDone + d.itemsFailed;
  const last = Prisma.sql`(${ended} > 0 AND status IN ('running', 'paused') AND items_done + items_failed + ${ended} >= items_total)`;
  await tx.$executeRaw`
    UPDATE jobs SET items_done = items_done + ${d.itemsDone}, items_failed = items_failed + ${d.itemsFailed},
      prompt_tokens = prompt_tokens + ${d.promptTokens}, completion_tokens = completion_tokens + ${d.completionTokens}, cost_usd = cost_usd + ${d.costUsd},
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
