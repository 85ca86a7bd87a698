import "server-only";
import type { SqlExec } from "@/lib/store/sql-exec";
import { sqlTime } from "@/lib/store/sql-time";

// The runner's hot statements as SQL: one conditional statement each, where Prisma's query API
// would send several (times in the stored form, lib/store/sql-time.ts).

/** What writes add to a job's running totals: ended items, tokens and cost of model calls. */
export type JobDelta = {
  itemsDone: number;
  itemsFailed: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
};

export const noDelta = (): JobDelta => ({
  itemsDone: 0,
  itemsFailed: 0,
  promptTokens: 0,
  completionTokens: 0,
  costUsd: 0,
});

/**
 * Adds to a job's totals and closes the job when its last open item ended, judged by the job's
 * own counters (items are only added in the transaction that raises items_total, so done + failed
 * reaching the total means no item is open). One statement, no count of items.
 */
export async function addToJob(exec: SqlExec, jobId: string, d: JobDelta, now: Date): Promise<void> {
  const ended = d.itemsDone + d.itemsFailed;
  await exec.execute(ADD_TO_JOB, [
    d.itemsDone,
    d.itemsFailed,
    d.promptTokens,
    d.completionTokens,
    d.costUsd,
    ended,
    ended,
    ended,
    ended,
    sqlTime(now),
    jobId,
  ]);
}

/** Whether the job's last open item just ended (two `?`: the items ending now). */
const LAST_ENDED =
  "(? > 0 AND status IN ('running', 'paused') AND items_done + items_failed + ? >= items_total)";
const ADD_TO_JOB = `
  UPDATE jobs SET items_done = items_done + ?, items_failed = items_failed + ?,
    prompt_tokens = prompt_tokens + ?, completion_tokens = completion_tokens + ?, cost_usd = cost_usd + ?,
    status = CASE WHEN ${LAST_ENDED} THEN 'done' ELSE status END,
    finished_at = CASE WHEN ${LAST_ENDED} THEN ? ELSE finished_at END
  WHERE id = ?`;

/**
 * One INSERT of many rows, in the app's row format (the caller gives every column Prisma would
 * write, ids and times included): a hot path the runner takes for every item, without the query
 * compiler. `table` and `columns` are constants of the caller, never input.
 */
export async function insertRows(
  exec: SqlExec,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
): Promise<void> {
  if (!rows.length) return;
  const row = `(${columns.map(() => "?").join(", ")})`;
  await exec.execute(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${rows.map(() => row).join(", ")}`,
    rows.flat(),
  );
}
