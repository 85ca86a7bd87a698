import "server-only";
import { databaseFilePath } from "@/lib/databases/database-files";
import { env } from "@/lib/env";
import { execPool } from "@/lib/sql/exec/exec-pool";
import type { ExecResult, JudgeResult, Metric } from "@/lib/sql/exec/exec-types";

// SQL that a person runs and waits for — the console, a reviewer's edit, an item's sides shown in
// the workspace, an edited pair judged against its rejected side — goes through here: on a
// registered database's file (its stored path, relative to the databases folder), in the sandbox's
// interactive lane, within the interactive limits. Jobs run their SQL through the runner's own lane
// with the job's limits (lib/jobs/handlers/).

/** The limits of interactive SQL: its time (a query's CPU time, lib/sql/exec/) and the rows it returns. */
export const interactiveLimits = () => ({
  timeoutMs: env.SENSE_SQL_TIMEOUT_MS,
  maxRows: env.SENSE_SQL_MAX_ROWS,
});

/** Runs `sql` on the database whose file is `filePath`; `maxRows` lowers the row cap, `signal` stops the query. */
export function runOnDatabase(
  filePath: string,
  sql: string,
  options: { maxRows?: number; signal?: AbortSignal } = {},
): Promise<ExecResult> {
  return execPool().run(databaseFilePath(filePath), sql, { ...interactiveLimits(), ...options });
}

/** Judges `candidates` against `goldSql` on the database whose file is `filePath`, with `metric`'s comparison. */
export async function judgeOnDatabase(
  filePath: string,
  goldSql: string,
  candidates: string[],
  metric: Metric,
): Promise<JudgeResult | undefined> {
  const [judged] = await execPool().judge(
    [{ dbFile: databaseFilePath(filePath), goldSql, candidates }],
    metric,
    { timeoutMs: interactiveLimits().timeoutMs },
  );
  return judged;
}
