import "server-only";
import type { z } from "zod";
import { jobConfigSchema } from "@/lib/jobs/job-config";
import { estimateJob, ESTIMATE_ASSUMPTIONS, type PromptSizes } from "@/lib/jobs/job-estimate";
import { findProviderByName } from "@/lib/providers/providers";
import { latestPromptId, listPromptFiles } from "@/lib/synthesis/prompt-files";
import { readCounters } from "@/lib/store/store-counters";
import { listTasks } from "@/lib/tasks/read-tasks";
import { taskFiltersSchema } from "@/lib/tasks/task-filters";

/** The sizes of the prompt templates a new job would use (their latest versions). */
function promptSizes(): PromptSizes {
  const files = listPromptFiles();
  const sizes: PromptSizes = {};
  for (const name of ["strong-domains", "strong-database", "strong-questions", "weak-answer"] as const) {
    const file = files.find((f) => f.id === latestPromptId(name));
    if (file) sizes[name] = file.system.length + file.user.length;
  }
  return sizes;
}

/** How many tasks a weak job would answer: its selection from the task counters (or the curated samples), capped by its limit. */
async function weakTaskCount(
  config: Extract<ReturnType<typeof jobConfigSchema.parse>, { kind: "weak" }>,
): Promise<number> {
  const { limit, ...filters } = config.tasks;
  let n: number;
  if (config.source === "accepted-sft") {
    const counts = (await readCounters(["sft.status"])).get("sft.status");
    n = (counts?.get("accepted") ?? 0) + (counts?.get("edited") ?? 0);
  } else {
    n = (await listTasks(taskFiltersSchema.parse({ ...filters, pageSize: 1 }))).total ?? 0;
  }
  return limit ? Math.min(limit, n) : n;
}

/** The estimate the new-job forms show: requests, tokens and cost of this configuration, with its assumptions. */
export async function readJobEstimate(input: z.input<typeof jobConfigSchema>) {
  const config = jobConfigSchema.parse(input);
  const provider = config.kind === "mutation" ? null : await findProviderByName(config.provider);
  const taskCount =
    config.kind === "weak" ? await weakTaskCount(config) : config.kind === "mutation" ? 0 : undefined;
  return {
    ...estimateJob(config, promptSizes(), provider, taskCount),
    taskCount: taskCount ?? null,
    assumptions: ESTIMATE_ASSUMPTIONS,
    maxTokens: provider?.maxTokens ?? null,
  };
}

export type JobEstimateView = Awaited<ReturnType<typeof readJobEstimate>>;
