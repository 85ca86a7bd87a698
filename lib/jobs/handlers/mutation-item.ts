import "server-only";
import { readTaskContext } from "@/lib/jobs/handlers/task-context";
import type { MutationJobConfig } from "@/lib/jobs/job-config";
import type { ItemOutcome } from "@/lib/jobs/item-outcome";
import { newRowId } from "@/lib/jobs/row-ids";
import { normalizeSql } from "@/lib/sql/normalize-sql";
import { isEngineFailure, type ExecPool } from "@/lib/sql/exec/exec-pool";
import { mutationCandidates } from "@/lib/synthesis/mutation-candidates";

/**
 * One task of a mutation job: mutants of the gold SQL that run to another result become wrong
 * candidates, each paired as rejected against the gold (chosen), queued for review.
 */
export async function processMutationItem(
  payload: { taskId: string },
  jobId: string,
  config: MutationJobConfig,
  pool: ExecPool,
): Promise<ItemOutcome> {
  const task = await readTaskContext(payload.taskId);
  if (!task)
    return {
      ok: false,
      kind: "missing_task",
      message: `Task ${payload.taskId} no longer exists.`,
      retryable: false,
    };
  const { dbFile } = task.database;
  if (!dbFile)
    return {
      ok: false,
      kind: "missing_database",
      message: `${task.database.name} has no database file.`,
      retryable: false,
    };
  const outcome = await mutationCandidates(
    pool,
    { dbFile, goldSql: task.goldSql },
    {
      metric: config.metric,
      keep: config.keepPerTask,
      timeoutMs: 10_000,
      maxRows: 100_000,
      maxBytes: 64 * 1024 * 1024,
    },
  );
  if (isEngineFailure(outcome.goldError))
    return { ok: false, kind: "engine_error", message: outcome.goldError!.message, retryable: true };
  if (outcome.goldError)
    return {
      ok: false,
      kind: "gold_error",
      message: `The gold SQL does not run: ${outcome.goldError.message}`,
      retryable: false,
    };
  return {
    ok: true,
    write: async (tx) => {
      const ids = outcome.kept.map(() => newRowId());
      if (ids.length) {
        const base = { taskId: task.id, jobId };
        await tx.candidate.createMany({
          data: outcome.kept.map((m, i) => ({
            ...base,
            id: ids[i],
            source: "mutation",
            rawText: m.kind,
            sql: m.sql,
            normalizedSql: normalizeSql(m.sql),
            verdict: "wrong_result",
            errorClass: m.errorClass,
          })),
        });
        await tx.preferencePair.createMany({
          data: outcome.kept.map((m, i) => ({
            ...base,
            chosenSql: task.goldSql,
            chosenSource: "gold",
            rejectedSql: m.sql,
            rejectedCandidateId: ids[i],
          })),
        });
      }
      return { kept: outcome.kept.length, dropped: outcome.dropped.length };
    },
  };
}
