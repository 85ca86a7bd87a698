// prisma.$disconnect() / $connect() around the direct writer (writer() must not go stale).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { claimJobItems } from "@/lib/jobs/claim-job-items";
import { completeJobItem } from "@/lib/jobs/complete-job-item";
import { createMutationJob } from "@/lib/jobs/create-job";
import { seedDemo } from "@/lib/seed/seed-demo";

beforeAll(async () => {
  await seedDemo();
});

describe("direct writes around a disconnect", () => {
  it("a write queued just before $disconnect, and one after it, are both written", async () => {
    const job = await createMutationJob({
      kind: "mutation",
      tasks: { origin: "demo", limit: 3 },
      keepPerTask: 1,
    });
    const items = await claimJobItems("reconnect", 3, 60_000);
    expect(items).toHaveLength(3);
    const first = completeJobItem(items[0]!, { rows: () => ({ n: 0 }) });
    await prisma.$disconnect();
    const second = completeJobItem(items[1]!, { rows: () => ({ n: 1 }) });
    await Promise.all([first, second]);
    await prisma.$disconnect();
    await prisma.$connect();
    await completeJobItem(items[2]!, { rows: () => ({ n: 2 }) });
    await prisma.$transaction(async (tx) => tx.job.count());
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      itemsDone: 3,
      status: "done",
    });
  });
});
