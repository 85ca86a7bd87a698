// Jobs share a runner: a job started while another one runs gets items at once, even when the
// running one waits on a slow provider with slots to spare in the runner ("a mutation job sat at 0%
// for 40 s while a weak job ran"). Counted in items, not seconds.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createJob, createMutationJob } from "@/lib/jobs/create-job";
import { changeJobStatus } from "@/lib/jobs/job-control";
import { runWorker } from "@/lib/jobs/run-worker";
import { createProvider } from "@/lib/providers/providers";
import { seedDemo } from "@/lib/seed/seed-demo";
import { withLocalModelServer } from "@/lib/testing/local-model-server";

const local = withLocalModelServer();

beforeAll(async () => {
  await seedDemo();
  // one request at a time, 150 ms each: a weak item of 2 samples takes 300 ms, one after the other
  await createProvider({
    name: "one-at-a-time",
    baseUrl: local.baseUrl(),
    model: "sense-demo-weak",
    maxConcurrency: 1,
  });
  local.server().setFaults({ latencyMs: 150 });
});

async function until<T>(read: () => Promise<T | null>, what: string): Promise<T> {
  for (let i = 0; i < 3_000; i++) {
    const value = await read();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`gave up waiting: ${what}`);
}

const firstDone = (jobId: string) => () =>
  prisma.jobItem.findFirst({ where: { jobId, status: "done" }, orderBy: { updatedAt: "asc" } });

describe("a runner shared by jobs", () => {
  it("starts the items of a job added while a slow-provider job holds it before that job finishes more than one more item", async () => {
    const weak = await createJob({
      kind: "weak",
      provider: "one-at-a-time",
      tasks: { origin: "demo" },
      samples: 2,
    });
    const stop = new AbortController();
    const runner = runWorker({ workerId: "shared", concurrency: 16, pollMs: 20, signal: stop.signal });
    try {
      await until(firstDone(weak.id), "the weak job's first item");
      const mutation = await createMutationJob({ kind: "mutation", tasks: { origin: "demo", limit: 5 } });
      const first = await until(firstDone(mutation.id), "the mutation job's first item");
      const weakMeanwhile = await prisma.jobItem.count({
        where: { jobId: weak.id, status: "done", updatedAt: { gt: mutation.createdAt, lt: first.updatedAt } },
      });
      expect(weakMeanwhile).toBeLessThanOrEqual(1);
      const weakDone = await prisma.jobItem.count({ where: { jobId: weak.id, status: "done" } });
      expect(weakDone).toBeLessThan(36); // the weak job was still running
    } finally {
      await changeJobStatus(weak.id, "cancel").catch(() => undefined);
      stop.abort();
      await runner;
    }
  }, 60_000);
});
