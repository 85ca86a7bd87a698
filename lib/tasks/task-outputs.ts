import "server-only";
import { prisma } from "@/lib/db";
import {
  readErrorClass,
  readFlags,
  type ErrorClass,
  type LabelFlag,
} from "@/lib/sql/label-checks/label-flags";

/** How many of a task's candidates and pairs its page lists (the newest; the totals say how many there are). */
export const TASK_OUTPUTS_SHOWN = 50;

export type TaskCandidateRow = {
  id: string;
  source: string;
  verdict: string;
  sql: string | null;
  error: string | null;
  flags: LabelFlag[]; // what the label checks found (lib/sql/label-checks/)
  errorClass: ErrorClass | null;
  jobId: string | null;
  createdAt: string;
};
export type TaskPairRow = {
  id: string;
  status: string;
  chosenSql: string;
  rejectedSql: string;
  jobId: string | null;
  createdAt: string;
};
export type TaskOutputs = {
  candidates: { total: number; items: TaskCandidateRow[] };
  pairs: { total: number; items: TaskPairRow[] };
};

/** The weak answers (candidates) and preference pairs made from one task, newest first, through the task_id indexes. */
export async function readTaskOutputs(taskId: string, shown = TASK_OUTPUTS_SHOWN): Promise<TaskOutputs> {
  const [candidateTotal, candidates, pairTotal, pairs] = await Promise.all([
    prisma.candidate.count({ where: { taskId } }),
    prisma.candidate.findMany({
      where: { taskId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: shown,
      select: {
        id: true,
        source: true,
        verdict: true,
        sql: true,
        error: true,
        flags: true,
        errorClass: true,
        jobId: true,
        createdAt: true,
      },
    }),
    prisma.preferencePair.count({ where: { taskId } }),
    prisma.preferencePair.findMany({
      where: { taskId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: shown,
      select: {
        id: true,
        status: true,
        chosenSql: true,
        finalChosenSql: true,
        rejectedSql: true,
        finalRejectedSql: true,
        jobId: true,
        createdAt: true,
      },
    }),
  ]);
  return {
    candidates: {
      total: candidateTotal,
      items: candidates.map((c) => ({
        ...c,
        flags: readFlags(c.flags),
        errorClass: readErrorClass(c.errorClass),
        createdAt: c.createdAt.toISOString(),
      })),
    },
    pairs: {
      total: pairTotal,
      items: pairs.map((p) => ({
        id: p.id,
        status: p.status,
        chosenSql: p.finalChosenSql ?? p.chosenSql,
        rejectedSql: p.finalRejectedSql ?? p.rejectedSql,
        jobId: p.jobId,
        createdAt: p.createdAt.toISOString(),
      })),
    },
  };
}
