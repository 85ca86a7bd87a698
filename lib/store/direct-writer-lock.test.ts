// A direct (outside Prisma) transaction next to an open Prisma transaction that rolls back,
// and next to a write outside any transaction: they must not share one SQLite transaction.
import { setTimeout as sleep } from "node:timers/promises";
import { writeBatchStats } from "@/lib/jobs/write-batch";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { claimJobItems } from "@/lib/jobs/claim-job-items";
import { completeJobItem } from "@/lib/jobs/complete-job-item";
import { createMutationJob } from "@/lib/jobs/create-job";
import { seedDemo } from "@/lib/seed/seed-demo";

beforeAll(async () => {
  await seedDemo();
});

describe("direct transactions and Prisma's on one connection", () => {
  it("a rolled-back Prisma transaction open meanwhile does not undo a direct write, nor see it", async () => {
    const job = await createMutationJob({
      kind: "mutation",
      tasks: { origin: "demo", limit: 2 },
      keepPerTask: 1,
    });
    const items = await claimJobItems("lock", 2, 60_000);
    expect(items).toHaveLength(2);
    let direct: Promise<void> | undefined;
    let seenInside = -1;
    const prismaTx = prisma.$transaction(async (tx) => {
      await tx.job.update({ where: { id: job.id }, data: { configJson: '{"inside":1}' } });
      const started = writeBatchStats.transactions;
      direct = completeJobItem(items[0]!, { rows: () => ({ n: 0 }) }); // queued while the Prisma transaction holds the writer
      while (writeBatchStats.transactions === started) await sleep(1); // its transaction has begun to wait for the writer
      seenInside =
        (await tx.jobItem.findUniqueOrThrow({ where: { id: items[0]!.id } })).status === "done" ? 1 : 0;
      throw new Error("roll back");
    });
    await expect(prismaTx).rejects.toThrow("roll back");
    await direct;
    // a write outside a transaction while a direct batch is queued
    const [, outside] = await Promise.all([
      completeJobItem(items[1]!, { rows: () => ({ n: 1 }) }),
      prisma.job.update({ where: { id: job.id }, data: { configJson: '{"outside":1}' } }),
    ]);
    expect(outside.configJson).toBe('{"outside":1}');
    expect(seenInside).toBe(0);
    const rows = await prisma.jobItem.findMany({
      where: { id: { in: items.map((i) => i.id) } },
      orderBy: { id: "asc" },
    });
    expect(rows.every((r) => r.status === "done")).toBe(true);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      itemsDone: 2,
      configJson: '{"outside":1}',
    });
  });
});
