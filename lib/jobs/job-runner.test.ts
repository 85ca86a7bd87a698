import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { claimJobItems } from "@/lib/jobs/claim-job-items";
import { completeJobItem, LeaseLostError } from "@/lib/jobs/complete-job-item";
import { createMutationJob } from "@/lib/jobs/create-job";
import { changeJobStatus } from "@/lib/jobs/job-control";
import { runWorker } from "@/lib/jobs/run-worker";
import { seedDemo } from "@/lib/seed/seed-demo";
import { normalizeSql } from "@/lib/sql/normalize-sql";

const demoJob = (limit?: number) =>
  createMutationJob({ kind: "mutation", tasks: { origin: "demo", limit }, keepPerTask: 2 });

beforeAll(async () => {
  await seedDemo();
});

/**
 * Resolves once an item of the job (held by the one runner working on it) has had its lease renewed
 * and the lease it was first seen with has run out: without the renewal another runner could claim it.
 */
async function renewedPastItsFirstLease(jobId: string): Promise<void> {
  const firstSeen = new Map<string, number>();
  for (;;) {
    const held = await prisma.jobItem.findMany({
      where: { jobId, status: "leased" },
      select: { id: true, leaseExpiresAt: true },
    });
    for (const item of held) {
      const expires = item.leaseExpiresAt!.getTime();
      const first = firstSeen.get(item.id);
      if (first === undefined) firstSeen.set(item.id, expires);
      else if (expires > first && Date.now() > first) return;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("mutation jobs", () => {
  it("run to completion: every item done once, pairs queued with the gold as chosen", async () => {
    const job = await demoJob();
    expect(job.itemsTotal).toBe(36);
    await runWorker({ stopWhenIdle: true, concurrency: 4 });
    const done = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: "done", itemsDone: 36, itemsFailed: 0 });
    expect(await prisma.jobItem.count({ where: { jobId: job.id, status: { not: "done" } } })).toBe(0);
    const pairs = await prisma.preferencePair.findMany({ where: { jobId: job.id }, include: { task: true } });
    expect(pairs.length).toBeGreaterThanOrEqual(60); // 34 tasks with mutants, up to 2 each
    for (const pair of pairs) {
      expect(pair.status).toBe("pending");
      expect(pair.chosenSql).toBe(pair.task.goldSql);
      expect(normalizeSql(pair.rejectedSql)).not.toBe(normalizeSql(pair.chosenSql));
    }
    const candidates = await prisma.candidate.findMany({ where: { jobId: job.id } });
    expect(new Set(candidates.map((c) => `${c.taskId}|${c.normalizedSql}`)).size).toBe(candidates.length);
    expect(candidates.every((c) => c.source === "mutation" && c.verdict === "wrong_result")).toBe(true);
  });

  it("pause stops new claims, resume continues, cancel ends; wrong transitions are refused", async () => {
    const job = await demoJob(6);
    await changeJobStatus(job.id, "pause");
    expect(await runWorker({ stopWhenIdle: true })).toEqual({ processed: 0 });
    await expect(changeJobStatus(job.id, "pause")).rejects.toThrow("Cannot pause a job that is paused.");
    await changeJobStatus(job.id, "resume");
    expect(await runWorker({ stopWhenIdle: true })).toEqual({ processed: 6 });

    const other = await demoJob(4);
    await changeJobStatus(other.id, "cancel");
    expect(await runWorker({ stopWhenIdle: true })).toEqual({ processed: 0 });
    await expect(changeJobStatus(other.id, "resume")).rejects.toThrow(
      "Cannot resume a job that is cancelled.",
    );
    expect(await prisma.jobItem.count({ where: { jobId: other.id, status: "pending" } })).toBe(4);
  });

  it("a paused job counts the items its runners already started as in flight until they end", async () => {
    const { listJobs } = await import("@/lib/jobs/read-jobs");
    const job = await demoJob(3);
    const inFlight = async () => (await listJobs()).find((j) => j.id === job.id)!.itemsInFlight;
    const claimed = await claimJobItems("busy-worker", 2, 60_000);
    expect(claimed.map((i) => i.jobId)).toEqual([job.id, job.id]);
    await changeJobStatus(job.id, "pause");
    expect(await inFlight()).toBe(2);
    await completeJobItem(claimed[0]!, async () => undefined);
    expect(await inFlight()).toBe(1);
    await prisma.jobItem.update({
      where: { id: claimed[1]!.id },
      data: { leaseExpiresAt: new Date(Date.now() - 1000) },
    }); // its runner died
    expect(await inFlight()).toBe(0);
    await changeJobStatus(job.id, "cancel");
  });

  it("claims the items of a dead worker once their leases expire, and its late completion writes nothing", async () => {
    const job = await demoJob(3);
    const stale = await claimJobItems("dead-worker", 3, 60_000);
    expect(stale).toHaveLength(3);
    expect(await claimJobItems("other", 3, 60_000)).toEqual([]); // leases still held
    // time passes: the dead worker's leases are over (set, rather than waited for)
    await prisma.jobItem.updateMany({
      where: { jobId: job.id, status: "leased" },
      data: { leaseExpiresAt: new Date(Date.now() - 1000) },
    });
    await runWorker({ stopWhenIdle: true });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "done",
      itemsDone: 3,
    });
    const before = await prisma.preferencePair.count({ where: { jobId: job.id } });
    await expect(completeJobItem(stale[0]!, async (tx) => tx.preferencePair.deleteMany({}))).rejects.toThrow(
      LeaseLostError,
    );
    expect(await prisma.preferencePair.count({ where: { jobId: job.id } })).toBe(before);
    expect((await prisma.jobItem.findMany({ where: { jobId: job.id } })).map((i) => i.attempts)).toEqual([
      2, 2, 2,
    ]);
  });

  it("records a task whose gold SQL does not run as a failure with its kind and reason", async () => {
    const { listJobs, listJobFailures } = await import("@/lib/jobs/read-jobs");
    const library = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
    await prisma.task.create({
      data: {
        databaseId: library.id,
        question: "Broken gold",
        goldSql: "SELECT nope FROM books WHERE pages > 1",
        split: "dev",
        origin: "manual",
        sourceRef: "test:broken",
      },
    });
    const job = await createMutationJob({ kind: "mutation", tasks: { origin: "manual" } });
    await runWorker({ stopWhenIdle: true });
    const progress = (await listJobs()).find((j) => j.id === job.id);
    expect(progress).toMatchObject({
      status: "done",
      itemsDone: 0,
      itemsFailed: 1,
      failuresByKind: { gold_error: 1 },
      pairsCreated: 0,
    });
    const [failure] = await listJobFailures(job.id);
    expect(failure).toMatchObject({
      errorKind: "gold_error",
      error: "The gold SQL does not run: no such column: nope",
      attempts: 1,
    });
  });

  it("refuses a selection with no runnable task and a bad configuration, naming the problem", async () => {
    await expect(createMutationJob({ kind: "mutation", tasks: { database: "nowhere" } })).rejects.toThrow(
      "No tasks with a database file match this selection.",
    );
    await expect(createMutationJob({ kind: "mutation", tasks: {}, keepPerTask: 0 })).rejects.toThrow(
      /keepPerTask/,
    );
  });

  it("renews the lease of an item that runs longer than the lease, so a second runner never takes it", async () => {
    const job = await demoJob(4);
    // each item takes 700 ms (throttle) against a 300 ms lease: only the heartbeat keeps it
    await Promise.all([
      runWorker({ workerId: "slow-a", stopWhenIdle: true, concurrency: 2, leaseMs: 300, throttleMs: 700 }),
      (async () => {
        await renewedPastItsFirstLease(job.id);
        await runWorker({
          workerId: "slow-b",
          stopWhenIdle: true,
          concurrency: 2,
          leaseMs: 300,
          throttleMs: 700,
        });
      })(),
    ]);
    const items = await prisma.jobItem.findMany({ where: { jobId: job.id } });
    expect(items.map((i) => [i.status, i.attempts])).toEqual(Array.from({ length: 4 }, () => ["done", 1]));
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "done",
      itemsDone: 4,
    });
  });

  it("closes a job left running with no open item, and fails an item whose runners kept dying on it", async () => {
    const { finishIdleJobs } = await import("@/lib/jobs/claim-job-items");
    const stuck = await demoJob(1);
    await prisma.jobItem.updateMany({ where: { jobId: stuck.id }, data: { status: "done" } }); // as if the runner died before closing the job
    const abandoned = await demoJob(1);
    await prisma.jobItem.updateMany({
      where: { jobId: abandoned.id },
      data: {
        status: "leased",
        leaseOwner: "dead",
        leaseExpiresAt: new Date(Date.now() - 1000),
        attempts: 8,
      },
    });
    await finishIdleJobs();
    expect(await prisma.job.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ status: "done" });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: abandoned.id } })).toMatchObject({
      status: "done",
      itemsFailed: 1,
    });
    expect(await prisma.jobItem.findFirstOrThrow({ where: { jobId: abandoned.id } })).toMatchObject({
      status: "failed",
      errorKind: "abandoned",
    });
  });
});
