import "server-only";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { env } from "@/lib/env";
import { claimJobItems, finishIdleJobs, type ClaimedItem } from "@/lib/jobs/claim-job-items";
import {
  completeJobItem,
  failJobItem,
  leaseHeld,
  LeaseLostError,
  releaseJobItems,
  renewLease,
  runningJobIds,
} from "@/lib/jobs/complete-job-item";
import type { ItemOutcome } from "@/lib/jobs/item-outcome";
import { itemsWorthHolding, loadJob, runJobStep, type LoadedJob } from "@/lib/jobs/job-steps";
import { DEFAULT_MAX_ATTEMPTS } from "@/lib/jobs/retry-policy";
import { execPool } from "@/lib/sql/exec/exec-pool";

const JOB_CACHE_MS = 30_000;

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
 * The job runner: claims items of running jobs with leases (in batches, shared across the running
 * jobs), keeps up to `concurrency` of them in flight, renews their leases while they run, and
 * records every outcome (outcomes that end together share one transaction, lib/jobs/write-batch.ts). Model requests are limited per provider on top (lib/llm/request-limiter.ts). Several
 * runners may share one store; a runner that dies leaves leases that expire, and its items are
 * claimed again; outputs are written exactly once.
 */
export async function runWorker(options: WorkerOptions = {}): Promise<{ processed: number }> {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}`;
  const concurrency = options.concurrency ?? env.SENSE_WORKER_CONCURRENCY;
  const leaseMs = options.leaseMs ?? env.SENSE_JOB_LEASE_MS;
  const throttleMs = options.throttleMs ?? env.SENSE_WORKER_THROTTLE_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS; // the same number for failures, claims and house-keeping
  const jobs = new Map<string, { at: number; job: Promise<LoadedJob>; cap?: number }>();
  const inFlight = new Set<Promise<void>>();
  let processed = 0;

  // a job's configuration and provider, read again after a while (an edited provider takes effect),
  // and how many of its items are worth holding (lib/jobs/job-steps.ts)
  const jobOf = (jobId: string) => {
    const known = jobs.get(jobId);
    if (known && Date.now() - known.at < JOB_CACHE_MS) return known.job;
    for (const [id, entry] of jobs) if (Date.now() - entry.at >= JOB_CACHE_MS) jobs.delete(id);
    const job = loadJob(jobId);
    const entry = { at: Date.now(), job, cap: known?.cap };
    jobs.set(jobId, entry);
    job.then((j) => (entry.cap = itemsWorthHolding(j, concurrency))).catch(() => jobs.delete(jobId));
    return job;
  };

  // the items this runner holds (claimed, waiting or running) per job: a claim gives a job at most
  // what it can use, so that a job waiting on a slow provider leaves the other slots to other jobs;
  // a job not known yet gets one item, which loads it
  const held = new Map<string, number>();
  const count = (jobId: string, d: number) => held.set(jobId, (held.get(jobId) ?? 0) + d);
  const roomFor = (jobId: string) => (jobs.get(jobId)?.cap ?? 1) - (held.get(jobId) ?? 0);

  // an item's lease is renewed from its claim until its step is over (it may wait for a slot first)
  // (a renewal that finds the lease gone tells the step, which may stop: lib/export/run-export.ts)
  const hold = (item: ClaimedItem) => {
    count(item.jobId, 1);
    void jobOf(item.jobId).catch(() => undefined);
    const lease = { lost: false };
    const renew = () =>
      void renewLease(item, leaseMs).then(
        (held) => (lease.lost ||= !held),
        () => undefined,
      );
    return { item, lease, heartbeat: setInterval(renew, Math.max(100, leaseMs / 3)) };
  };
  const unhold = (item: ClaimedItem) => count(item.jobId, -1);

  const runOne = async ({ item, lease, heartbeat }: ReturnType<typeof hold>) => {
    let outcome: ItemOutcome;
    try {
      outcome = await runJobStep(item, await jobOf(item.jobId), execPool().forLane("jobs"), {
        held: () => !lease.lost,
        confirm: () => leaseHeld(item),
      });
      if (throttleMs) await sleep(throttleMs);
    } catch (error) {
      outcome = { ok: false, kind: "internal", message: (error as Error).message, retryable: true };
    } finally {
      clearInterval(heartbeat);
      unhold(item);
    }
    try {
      if (outcome.ok) await completeJobItem(item, outcome.write);
      else await failJobItem(item, outcome, maxAttempts);
      processed++;
    } catch (error) {
      // lease lost, or the store refused the write (e.g. locked): nothing was written, and the
      // item's lease expires so that it is claimed again; the runner goes on
      console.warn(
        `[worker ${workerId}] item ${item.id}: ${error instanceof LeaseLostError ? error.message : `could not record its outcome: ${(error as Error).message}`}`,
      );
    }
  };

  const pollMs = options.pollMs ?? 500;
  const pause = (ms: number) => sleep(ms, undefined, { signal: options.signal }).catch(() => undefined);
  // one poll timer at a time, however often the loop waits on it (one per loop would pile up)
  let tick: Promise<void> | null = null;
  const nextTick = () => (tick ??= pause(pollMs).finally(() => (tick = null)));
  // the loop waits on one promise that the next item to end resolves (a race over all items in
  // flight would add a reaction to each of them on every turn: hundreds per item at concurrency 256)
  let slotFreed: (() => void) | null = null;
  const nextFreeSlot = () => new Promise<void>((resolve) => (slotFreed = resolve));
  // items are claimed in batches (a claim costs a few statements, whatever its size) and a batch
  // waits, claimed, for the slots that free up: no slot stays empty while the next claim is made
  const batch = Math.max(1, Math.ceil(concurrency / 4));
  const ready: ReturnType<typeof hold>[] = [];
  // a job may use fewer slots than the runner has (itemsWorthHolding): then the runner's free slots
  // say nothing, and a claim made whenever one of its items ends would claim one item at a time.
  // Claim when the known jobs have room for a good share of what they may hold, or once a poll
  // interval has passed (new jobs, and items added to a drained queue, are found then).
  let lastClaimAt = -Infinity;
  let drained = false; // the last claim found nothing: the next waits for the poll interval
  const worthClaiming = () => {
    if (!inFlight.size && !ready.length) return true; // idle: look now (a one-shot runner stops when nothing is found)
    if (performance.now() - lastClaimAt >= pollMs) return true;
    if (drained) return false;
    let room = 0;
    let caps = 0;
    for (const [jobId, entry] of jobs) {
      if (entry.cap === undefined) return true; // a job being loaded: its share is not known yet
      caps += entry.cap;
      room += Math.max(0, roomFor(jobId));
    }
    return room >= Math.max(1, Math.ceil(Math.min(caps, concurrency) / 4));
  };
  // claimed items still waiting for a slot do not start once their job is paused or cancelled:
  // they go back to the queue (one lookup of their jobs by primary key before starting any)
  const dropStopped = async (waiting: ReturnType<typeof hold>[]) => {
    const jobIds = [...new Set(waiting.map((w) => w.item.jobId))];
    const running = new Set(await runningJobIds(jobIds).catch(() => jobIds));
    const stopped = waiting.filter((w) => !running.has(w.item.jobId));
    if (!stopped.length) return;
    for (const w of stopped) {
      clearInterval(w.heartbeat);
      unhold(w.item);
      waiting.splice(waiting.indexOf(w), 1);
    }
    await releaseJobItems(stopped.map((w) => w.item)).catch(() => undefined);
  };
  let storeErrors = 0;
  while (!options.signal?.aborted) {
    let items: ClaimedItem[] = [];
    const room = concurrency + batch - inFlight.size - ready.length;
    try {
      if (room >= batch && worthClaiming()) {
        lastClaimAt = performance.now();
        items = await claimJobItems(workerId, room, leaseMs, maxAttempts, roomFor);
        drained = !items.length;
      }
      if (!items.length && !inFlight.size && !ready.length) await finishIdleJobs(maxAttempts);
      storeErrors = 0;
    } catch (error) {
      // the store is busy or unreachable: wait longer each time, but keep running
      storeErrors++;
      console.warn(`[worker ${workerId}] the store did not answer (${(error as Error).message}); retrying`);
      await pause(Math.min(30_000, pollMs * 2 ** storeErrors));
      continue;
    }
    ready.push(...items.map(hold));
    if (ready.length && inFlight.size < concurrency) await dropStopped(ready);
    while (ready.length && inFlight.size < concurrency) {
      const running = runOne(ready.shift()!).finally(() => {
        inFlight.delete(running);
        slotFreed?.();
        slotFreed = null;
      });
      inFlight.add(running);
    }
    if (inFlight.size >= concurrency) await nextFreeSlot();
    else if (inFlight.size && !items.length)
      await Promise.race([nextFreeSlot(), nextTick()]); // or new work appears
    else if (!items.length) {
      if (options.stopWhenIdle) break;
      await pause(pollMs);
    }
  }
  // claimed items that never started go back to their queue at once (not after their lease)
  for (const { heartbeat } of ready) clearInterval(heartbeat);
  await releaseJobItems(ready.map((r) => r.item)).catch(() => undefined);
  await Promise.all(inFlight);
  return { processed };
}
