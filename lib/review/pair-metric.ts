import { z } from "zod";
import type { Metric } from "@/lib/sql/exec/exec-types";

const metricOfConfig = z.object({ metric: z.enum(["spider", "bird"]) });

/**
 * The execution metric a pair's sides are compared with: the one its weak or mutation job judged
 * with (Spider ignores column order and DISTINCT, BIRD compares rows as tuples), or, for a pair
 * without a job (deleted, or made outside one), the metric of the task's benchmark.
 */
export function pairMetric(job: { configJson: string } | null, taskOrigin: string): Metric {
  if (job) {
    const parsed = metricOfConfig.safeParse(JSON.parse(job.configJson));
    if (parsed.success) return parsed.data.metric;
  }
  return taskOrigin === "bird" ? "bird" : "spider";
}
