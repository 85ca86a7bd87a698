import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createJob, createMutationJob } from "@/lib/jobs/create-job";
import { spawnWorkerProcess } from "@/lib/jobs/worker-process";
import { createProvider } from "@/lib/providers/providers";
import { seedDemo } from "@/lib/seed/seed-demo";
import { withLocalModelServer } from "@/lib/testing/local-model-server";

const local = withLocalModelServer();
const started: ChildProcess[] = [];
afterAll(() => started.forEach((p) => p.kill("SIGKILL")));

/** A real runner process on this test's store (npm run worker), slowed down so it can be killed mid-job. */
function startWorker(): ChildProcess {
  const child = spawnWorkerProcess(
    { SENSE_WORKER_THROTTLE_MS: "150", SENSE_WORKER_CONCURRENCY: "2", SENSE_JOB_LEASE_MS: "1000" },
    "ignore",
  );
  started.push(child);
  return child;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await sleep(50);
  }
}

describe("a runner killed mid-job", () => {
  it("is restarted and the job finishes with exact counts: no item lost, none done twice", async () => {
    await seedDemo();
    const job = await createMutationJob({ kind: "mutation", tasks: { origin: "demo" }, keepPerTask: 2 });
    const doneCount = async () => (await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).itemsDone;

    const first = startWorker();
    const leased = () => prisma.jobItem.count({ where: { jobId: job.id, status: "leased" } });
    // kill it while it holds leases on items it is working on
    await waitFor(async () => (await doneCount()) >= 6 && (await leased()) > 0, 30_000);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const atKill = await doneCount();
    expect(atKill).toBeLessThan(36); // really mid-job
    expect(await leased()).toBeGreaterThan(0); // it died holding leases

    const second = startWorker();
    await waitFor(
      async () => (await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).status === "done",
      60_000,
    );
    second.kill("SIGTERM");

    const final = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(final).toMatchObject({ itemsDone: 36, itemsFailed: 0, status: "done" });
    const items = await prisma.jobItem.findMany({ where: { jobId: job.id } });
    expect(items).toHaveLength(36);
    expect(items.every((i) => i.status === "done")).toBe(true);
    expect(new Set(items.map((i) => i.payloadJson)).size).toBe(36);
    // outputs exactly once per item: every task has at most keepPerTask pairs, candidates unique
    const perTask = await prisma.preferencePair.groupBy({
      by: ["taskId"],
      where: { jobId: job.id },
      _count: true,
    });
    expect(Math.max(...perTask.map((p) => p._count))).toBeLessThanOrEqual(2);
    const candidates = await prisma.candidate.findMany({ where: { jobId: job.id } });
    expect(new Set(candidates.map((c) => `${c.taskId}|${c.normalizedSql}`)).size).toBe(candidates.length);
    expect(await prisma.preferencePair.count({ where: { jobId: job.id } })).toBe(candidates.length);
    expect(items.filter((i) => i.attempts > 1).length).toBeGreaterThan(0); // the dead runner's items were claimed again
  }, 120_000);
});

describe("a runner killed in the middle of a weak job against a model server", () => {
  it("is restarted and every task ends with exactly k judged answers: nothing lost, nothing written twice", async () => {
    await seedDemo();
    local.server().setFaults({ latencyMs: 100 });
    await createProvider({
      name: "crash-weak",
      baseUrl: local.baseUrl(),
      model: "sense-demo-weak",
      maxConcurrency: 4,
    });
    const job = await createJob({
      kind: "weak",
      provider: "crash-weak",
      tasks: { origin: "demo" },
      samples: 2,
      maxPairsPerTask: 1,
    });
    const state = () => prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    const leased = () => prisma.jobItem.count({ where: { jobId: job.id, status: "leased" } });

    const first = startWorker();
    await waitFor(async () => (await state()).itemsDone >= 6 && (await leased()) > 0, 30_000);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    expect((await state()).itemsDone).toBeLessThan(36);
    expect(await leased()).toBeGreaterThan(0);

    const second = startWorker();
    await waitFor(async () => (await state()).status === "done", 60_000);
    second.kill("SIGTERM");

    expect(await state()).toMatchObject({ itemsTotal: 36, itemsDone: 36, itemsFailed: 0 });
    const perTask = await prisma.candidate.groupBy({
      by: ["taskId"],
      where: { jobId: job.id },
      _count: true,
    });
    expect(perTask).toHaveLength(36);
    expect(perTask.every((t) => t._count === 2)).toBe(true); // exactly k answers per task, once
    const pairs = await prisma.preferencePair.groupBy({
      by: ["taskId"],
      where: { jobId: job.id },
      _count: true,
    });
    expect(Math.max(...pairs.map((p) => p._count))).toBe(1);
    // calls the dead runner made are kept (they cost money): at least one per answer stored
    expect(await prisma.modelCall.count({ where: { jobId: job.id } })).toBeGreaterThanOrEqual(72);
    const items = await prisma.jobItem.findMany({ where: { jobId: job.id } });
    expect(items.filter((i) => i.attempts > 1).length).toBeGreaterThan(0);
  }, 120_000);
});
