import "server-only";
import { prisma } from "@/lib/db";
import { taskCountsByDatabase } from "@/lib/tasks/read-tasks";

/** What goes with a database when it is deleted: its tasks and everything made from them or on it. */
export type DatabaseContents = { tasks: number; samples: number; candidates: number; pairs: number };

/**
 * Counts of a database's tasks (from the counters), SFT samples, candidates and preference pairs
 * (through the database_id and task_id indexes). Read once for a deletion's confirmation.
 */
export async function countDatabaseContents(databaseId: string): Promise<DatabaseContents> {
  const [taskCounts, samples, made] = await Promise.all([
    taskCountsByDatabase(),
    prisma.sftSample.count({ where: { databaseId } }),
    prisma.$queryRaw<{ candidates: bigint | number; pairs: bigint | number }[]>`
      SELECT (SELECT count(*) FROM candidates c JOIN tasks t ON t.id = c.task_id WHERE t.database_id = ${databaseId}) AS candidates,
             (SELECT count(*) FROM preference_pairs p JOIN tasks t ON t.id = p.task_id WHERE t.database_id = ${databaseId}) AS pairs`,
  ]);
  return {
    tasks: taskCounts.get(databaseId) ?? 0,
    samples,
    candidates: Number(made[0]?.candidates ?? 0),
    pairs: Number(made[0]?.pairs ?? 0),
  };
}
