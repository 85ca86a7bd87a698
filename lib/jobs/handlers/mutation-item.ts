import "server-only";
import { prisma } from "@/lib/db";
import { databaseFilePath } from "@/lib/databases/register-database";
import type { MutationJobConfig } from "@/lib/jobs/job-config";
import type { ItemOutcome } from "@/lib/jobs/item-outcome";
import { normalizeSql } from "@/lib/sql/normalize-sql";
import { isEngineFailure, type ExecPool } from "@/lib/sql/exec/exec-pool";
import { mutationCandidates } from "@/lib/synthesis/mutation-candidates";

/**
 * One task of a mutation job: mutants of the gold SQL that run to another result become wrong
 * candidates, each paired as rejected against the gold (chosen), queued for review.
 */
export async function processMutationItem(payload: { taskId: string }, jobId: string, config: MutationJobConfig, pool: ExecPool): Promise<ItemOutcome> {
  const task = await prisma.task.findUnique({ where: { id: payload.taskId }, include: { database: true } });
  if (!task) return { ok: false, kind: "missing_task", message: `Task ${payload.taskId} no longer exists.`, retryable: false };
  if (task.database.fileStatus !== "ok" || !task.database.filePath) {
    return { ok: false, kind: "missing_database", message: `${task.database.name} has no database file.`, retryable: false };
  }
  const outcome = await mutationCandidates(
    pool,
    { dbFile: databaseFilePath(task.database.filePath), goldSql: task.goldSql },
    { metric: config.metric, keep: config.keepPerTask, timeoutMs: 10_000, maxRows: 100_000, maxBytes: 64 * 1024 * 1024 },
  );
  if (isEngineFailure(outcome.goldError)) return { ok: false, kind: "engine_error", message: outcome.goldError!, retryable: true };
  if (outcome.goldError) return { ok: false, kind: "gold_error", message: `The gold SQL does not run: ${outcome.goldError}`, retryable: false };
  return {
    ok: true,
    write: async (tx) => {
      for (const mutant of outcome.kept) {
        const candidate = await tx.candidate.create({
          data: { taskId: task.id, jobId, source: "mutation", rawText: mutant.kind, sql: mutant.sql, normalizedSql: normalizeSql(mutant.sql), verdict: "wrong_result" },
        });
        await tx.preferencePair.create({
          data: { taskId: task.id, jobId, chosenSql: task.goldSql, chosenSource: "gold", rejectedSql: mutant.sql, rejectedCandidateId: candidate.id },
        });
      }
      return { kept: outcome.kept.length, dropped: outcome.dropped.length };
    },
  };
}
