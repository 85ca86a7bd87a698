// A job that may hold fewer items than the runner has slots (its provider allows few requests at
// once, lib/jobs/job-steps.ts itemsWorthHolding) is still claimed in batches. The runner used to
// claim whenever one of its items ended, one item a claim (a write transaction each, plus a look
// at the job's status): a fifth of the runner's CPU at provider concurrency 256.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createJob } from "@/lib/jobs/create-job";
import { runWorker } from "@/lib/jobs/run-worker";
import { createProvider } from "@/lib/providers/providers";
import { seedDemo } from "@/lib/seed/seed-demo";
import { captureStatements } from "@/lib/testing/statement-capture";
import { withLocalModelServer } from "@/lib/testing/local-model-server";

const local = withLocalModelServer();

beforeAll(async () => {
  await seedDemo();
  // 8 requests at once, 2 samples an item: the job is worth holding 12 items; the runner has 16 slots
  await createProvider({
    name: "eight-at-once",
    baseUrl: local.baseUrl(),
    model: "sense-demo-weak",
    maxConcurrency: 8,
  });
  local.server().setFaults({ latencyMs: 20 });
});

describe("claims of a job capped below the runner's slots", () => {
  it("take several items each, not one per item that ends", async () => {
    const job = await createJob({
      kind: "weak",
      provider: "eight-at-once",
      tasks: { origin: "demo" },
      samples: 2,
    });
    const statements = await captureStatements(() =>
      runWorker({ workerId: "batches", concurrency: 16, pollMs: 1_000, stopWhenIdle: true }),
    );
    const { itemsDone, itemsTotal } = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(itemsDone).toBe(itemsTotal);
    expect(itemsTotal).toBeGreaterThanOrEqual(30);
    const claims = statements.filter((s) =>
      /^\s*UPDATE job_items SET status = 'leased', lease_owner = \?/.test(s.sql),
    ).length;
    expect(claims).toBeGreaterThan(0);
    expect(claims).toBeLessThanOrEqual(itemsTotal / 2);
  }, 60_000);
});
