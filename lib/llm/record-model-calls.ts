import "server-only";
import { prisma } from "@/lib/db";
import type { ModelCallRecord } from "@/lib/llm/provider-client";

/**
 * Writes the calls an item made and adds their tokens and cost to the job's totals. Called as soon
 * as the calls are made, apart from the item's outputs: a call costs money even if the item is
 * later done again by another runner.
 */
export async function recordModelCalls(jobId: string, providerId: string, calls: ModelCallRecord[]): Promise<void> {
  if (!calls.length) return;
  const sum = (pick: (c: ModelCallRecord) => number) => calls.reduce((n, c) => n + pick(c), 0);
  await prisma.$transaction([
    prisma.modelCall.createMany({ data: calls.map((c) => ({ ...c, jobId, providerId })) }),
    prisma.job.update({
      where: { id: jobId },
      data: {
        promptTokens: { increment: sum((c) => c.promptTokens) },
        completionTokens: { increment: sum((c) => c.completionTokens) },
        costUsd: { increment: sum((c) => c.costUsd) },
      },
    }),
  ]);
}
