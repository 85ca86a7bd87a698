// A runner's own number of attempts holds for every part of it: the claim of expired leases used
// the runner's value while the house-keeping that fails abandoned items used a default of its own,
// so with fewer attempts than that default an item whose runner died was neither claimed again nor
// failed, and its job never ended.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createMutationJob } from "@/lib/jobs/create-job";
import { runWorker } from "@/lib/jobs/run-worker";
import { MAX_LOST_LEASES } from "@/lib/jobs/retry-policy";
import { seedDemo } from "@/lib/seed/seed-demo";

describe("a runner with one attempt an item", () => {
  it("fails an item whose leases were lost as often as that allows, and ends its job", async () => {
    await seedDemo();
    const job = await createMutationJob({ kind: "mutation", tasks: { origin: "demo", limit: 2 } });
    const [lost] = await prisma.jobItem.findMany({
      where: { jobId: job.id },
      orderBy: { createdAt: "asc" },
      take: 1,
    });
    // its runner died holding it, after as many lost leases as one attempt allows
    await prisma.jobItem.update({
      where: { id: lost!.id },
      data: {
        status: "leased",
        leaseOwner: "dead-runner",
        leaseExpiresAt: new Date(Date.now() - 60_000),
        attempts: 1 + MAX_LOST_LEASES,
      },
    });
    await runWorker({ workerId: "one-attempt", maxAttempts: 1, stopWhenIdle: true, pollMs: 20 });
    const item = await prisma.jobItem.findUniqueOrThrow({ where: { id: lost!.id } });
    expect(item.status).toBe("failed");
    expect(item.errorKind).toBe("abandoned");
    const ended = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(ended.status).toBe("done");
    expect(ended.itemsFailed).toBe(1);
  }, 60_000);
});
