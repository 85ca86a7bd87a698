import "server-only";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { claimJobItems, type ClaimedItem } from "@/lib/jobs/claim-job-items";
import { completeJobItem, failJobItem, LeaseLostError } from "@/lib/jobs/complete-job-item";
import { mutationJobConfigSchema, type MutationJobConfig } from "@/lib/jobs/job-config";
import { processMutationItem } from "@/lib/jobs/handlers/mutation-item";
import type { ItemOutcome } from "@/lib/jobs/item-outcome";
import { execPool } from "@/lib/sql/exec/exec-pool";

export type WorkerOptions = {
  workerId?: string;
  concurrency?: number;
  leaseMs?: number;
  pollMs?: number;
  throttleMs?: number;
  maxAttempts?: number;
  stopWhenIdle?: boolean; // return once no job has claimable items (tests, one-shot CLI)
  signal?: AbortSignal;
};

/**
 * The job runner: claims items of running jobs with leases, runs them (at most `concurrency` at a
 * time), and records every outcome. Several runners may share one store; a runner that dies leaves
 * leases that expire, and its items are claimed again; outputs are written exactly once.
 */
export async function runWorker(options: WorkerOptions = {}): Promise<{ processed: number }> {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}`;
  const concurrency = options.concurrency ?? env.SENSE_WORKER_CONCURRENCY;
  const leaseMs = options.leaseMs ?? env.SENSE_JOB_LEASE_MS;
  const throttleMs = options.throttleMs ?? env.SENSE_WORKER_THROTTLE_MS;
  const configs = new Map<string, MutationJobConfig>();
  let processed = 0;

  const configOf = async (jobId: string) => {
    const known = configs.get(jobId);
    if (known) return known;
    const job = await prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    const config = mutationJobConfigSchema.parse(JSON.parse(job.configJson));
    configs.set(jobId, config);
    return config;
  };

  const runOne = async (item: ClaimedItem) => {
    let outcome: ItemOutcome;
    try {
      const config = await configOf(item.jobId);
      outcome = await processMutationItem(JSON.parse(item.payloadJson) as { taskId: string }, item.jobId, config, execPool());
      if (throttleMs) await sleep(throttleMs);
    } catch (error) {
      outcome = { ok: false, kind: "internal", message: (error as Error).message, retryable: true };
    }
    try {
      if (outcome.ok) await completeJobItem(item, outcome.write, JSON.stringify(outcome.result));
      else await failJobItem(item, outcome, options.maxAttempts ?? 3);
      processed++;
    } catch (error) {
      if (!(error instanceof LeaseLostError)) throw error;
      console.warn(`[worker ${workerId}] ${error.message}`);
    }
  };

  while (!options.signal?.aborted) {
    const items = await claimJobItems(workerId, concurrency, leaseMs);
    if (!items.length) {
      if (options.stopWhenIdle) break;
      await sleep(options.pollMs ?? 500, undefined, { signal: options.signal }).catch(() => undefined);
      continue;
    }
    await Promise.all(items.map(runOne));
  }
  return { processed };
}
