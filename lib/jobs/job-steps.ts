import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { Provider } from "@/lib/generated/prisma/client";
import type { ClaimedItem } from "@/lib/jobs/claim-job-items";
import { storedJobConfigSchema, type StoredJobConfig } from "@/lib/jobs/job-config";
import { itemFailure, type ItemOutcome } from "@/lib/jobs/item-outcome";
import { readStep } from "@/lib/jobs/job-step-registry";
import { processMutationItem } from "@/lib/jobs/handlers/mutation-item";
import { processBuildDatabaseItem } from "@/lib/jobs/handlers/strong-database-item";
import { processProposeDomainsItem } from "@/lib/jobs/handlers/strong-domains-item";
import { processWriteQuestionsItem } from "@/lib/jobs/handlers/strong-questions-item";
import { processWeakItem } from "@/lib/jobs/handlers/weak-item";
import { processExportItem } from "@/lib/jobs/handlers/export-item";
import { processImportItem } from "@/lib/jobs/handlers/import-item";
import type { RunGuard } from "@/lib/export/run-export";
import type { ExecPool } from "@/lib/sql/exec/exec-pool";

/** A job as its runner needs it: the configuration it was started with, its prompts and its model. */
export type LoadedJob = {
  id: string;
  config: StoredJobConfig;
  prompts: Record<string, string>;
  provider: Provider | null;
};

const storedPromptsSchema = z.object({ prompts: z.record(z.string(), z.string()).default({}) });

export async function loadJob(jobId: string): Promise<LoadedJob> {
  const job = await prisma.job.findUniqueOrThrow({ where: { id: jobId }, include: { provider: true } });
  const raw: unknown = JSON.parse(job.configJson);
  return {
    id: job.id,
    config: storedJobConfigSchema.parse(raw),
    prompts: storedPromptsSchema.parse(raw).prompts,
    provider: job.provider,
  };
}

/**
 * How many of a job's items one runner keeps claimed: what its provider can serve at once, three times
 * over (so that the next requests are ready when answers come), and no more. An item waiting for
 * its provider would only hold a runner slot that another job could use. Jobs without a model
 * (mutation) may use the whole runner.
 */
export function itemsWorthHolding(job: LoadedJob, concurrency: number): number {
  const { config, provider } = job;
  if (config.kind === "export" || config.kind === "import") return 1; // one item each
  if (config.kind === "mutation" || !provider) return concurrency;
  const requestsPerItem = config.kind === "weak" ? config.samples : 1;
  return Math.max(1, Math.min(concurrency, Math.ceil((3 * provider.maxConcurrency) / requestsPerItem)));
}

/**
 * Runs one work item with the handler of its step (lib/jobs/job-step-registry.ts), its payload checked
 * first. `guard.held()` turns false once the item's lease is lost (a long export stops then).
 */
export async function runJobStep(
  item: ClaimedItem,
  job: LoadedJob,
  pool: ExecPool,
  guard: RunGuard,
): Promise<ItemOutcome> {
  const { config } = job;
  const read = readStep(item.step, item.payloadJson, config.kind);
  if (!read.ok) return itemFailure("bad_payload", read.message);
  if (read.step === "write-export") return processExportItem(read.payload, guard);
  if (read.step === "import-folder") return processImportItem(read.payload, guard);
  if (read.step === "mutate" && config.kind === "mutation")
    return processMutationItem(read.payload, job.id, config, pool);
  if (!job.provider) return itemFailure("missing_provider", "The model provider of this job was deleted.");
  if (read.step === "sample" && config.kind === "weak") {
    return processWeakItem(read.payload, {
      jobId: job.id,
      config,
      prompt: job.prompts["weak-answer"]!,
      provider: job.provider,
      pool,
    });
  }
  if (config.kind !== "strong")
    return itemFailure("bad_payload", `Step "${read.step}" cannot run in a ${config.kind} job.`); // readStep refuses this first
  const ctx = { jobId: job.id, config, prompts: job.prompts, provider: job.provider, pool };
  switch (read.step) {
    case "propose-domains":
      return processProposeDomainsItem(read.payload, ctx);
    case "build-database":
      return processBuildDatabaseItem(read.payload, ctx);
    case "write-questions":
      return processWriteQuestionsItem(read.payload, ctx);
    default:
      return itemFailure("bad_payload", `Step "${read.step}" cannot run in a strong job.`);
  }
}
