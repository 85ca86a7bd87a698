import "server-only";
import { sqlTime } from "@/lib/store/sql-time";
import { newRowId } from "@/lib/jobs/row-ids";
import { writeInBatch } from "@/lib/jobs/write-batch";
import type { ModelCallRecord } from "@/lib/llm/provider-client";

/**
 * Writes the calls an item made and adds their tokens and cost to the job's totals. Called as soon
 * as the calls are made, apart from the item's outputs: a call costs money even if the item is
 * later done again by another runner. (In a transaction shared with other writes of the runner
 * made meanwhile: one commit for many.)
 */
export async function recordModelCalls(
  jobId: string,
  providerId: string,
  calls: ModelCallRecord[],
): Promise<void> {
  if (!calls.length) return;
  const sum = (pick: (c: ModelCallRecord) => number) => calls.reduce((n, c) => n + pick(c), 0);
  await writeInBatch({
    rows: (batch) => {
      const now = sqlTime(new Date());
      batch.insert(
        "model_calls",
        [
          "id",
          "provider_id",
          "job_id",
          "status",
          "http_status",
          "prompt_tokens",
          "completion_tokens",
          "cost_usd",
          "latency_ms",
          "error",
          "created_at",
        ],
        calls.map((c) => [
          newRowId(),
          providerId,
          jobId,
          c.status,
          c.httpStatus,
          c.promptTokens,
          c.completionTokens,
          c.costUsd,
          c.latencyMs,
          c.error,
          now,
        ]),
      );
      batch.add(jobId, {
        promptTokens: sum((c) => c.promptTokens),
        completionTokens: sum((c) => c.completionTokens),
        costUsd: sum((c) => c.costUsd),
      });
      return null;
    },
  });
}
