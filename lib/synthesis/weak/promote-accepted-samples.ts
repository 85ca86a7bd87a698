import "server-only";
import { prisma } from "@/lib/db";
import { hardnessOf } from "@/lib/tasks/task-hardness";

/**
 * Accepted strong samples (as accepted, or as edited) become tasks, so that a weak job can answer
 * them like any imported question: origin "strong", split "synthetic", the reviewed SQL as gold.
 * A sample is promoted once (its task's source_ref is "sft:<sample id>").
 */
export async function promoteAcceptedSamples(): Promise<number> {
  const samples = await prisma.sftSample.findMany({
    where: { status: { in: ["accepted", "edited"] }, taskId: null, execStatus: "ok" },
  });
  for (const s of samples) {
    const goldSql = s.editedSql ?? s.sql;
    await prisma.$transaction(async (tx) => {
      const task = await tx.task.upsert({
        where: { sourceRef: `sft:${s.id}` },
        create: {
          databaseId: s.databaseId,
          question: s.editedQuestion ?? s.question,
          evidence: s.evidence,
          goldSql,
          difficulty: s.difficulty,
          hardness: hardnessOf(goldSql),
          split: "synthetic",
          origin: "strong",
          sourceRef: `sft:${s.id}`,
        },
        update: {},
      });
      await tx.sftSample.update({ where: { id: s.id }, data: { taskId: task.id } });
    });
  }
  return samples.length;
}
