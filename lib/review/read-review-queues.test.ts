import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listSftQueue } from "@/lib/review/read-review-queues";
import { reviewQueueFiltersSchema } from "@/lib/review/review-queue-filters";
import { seedDemo } from "@/lib/seed/seed-demo";

const filters = (input: Record<string, unknown>) =>
  reviewQueueFiltersSchema.parse({ queue: "sft", ...input });

describe("browsing a queue", () => {
  it("pages by keyset in creation order, counts by status (and job) from the counters, and says when it does not count", async () => {
    await seedDemo();
    const db = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
    const job = await prisma.job.create({ data: { kind: "strong", status: "done", configJson: "{}" } });
    await prisma.sftSample.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        databaseId: db.id,
        question: `Browse ${i}?`,
        sql: "SELECT 1",
        origin: "strong",
        execStatus: "ok",
        status: i % 5 ? "pending" : "accepted",
        jobId: i < 10 ? job.id : null,
      })),
    });
    const first = await listSftQueue(filters({ pageSize: 8 }));
    expect(first.total).toBe(20);
    const second = await listSftQueue(filters({ pageSize: 8, after: first.nextCursor }));
    const third = await listSftQueue(filters({ pageSize: 8, after: second.nextCursor }));
    expect([...first.items, ...second.items, ...third.items].map((s) => s.question)).toEqual(
      Array.from({ length: 25 }, (_, i) => i)
        .filter((i) => i % 5)
        .map((i) => `Browse ${i}?`),
    );
    expect(third.nextCursor).toBeNull();
    expect(
      (await listSftQueue(filters({ pageSize: 8, before: third.prevCursor }))).items.map((s) => s.id),
    ).toEqual(second.items.map((s) => s.id));

    expect((await listSftQueue(filters({ job: job.id }))).total).toBe(8);
    expect((await listSftQueue(filters({ job: job.id, status: "accepted" }))).total).toBe(2);
    const byDatabase = await listSftQueue(filters({ database: "city_library" }));
    expect(byDatabase.total).toBeNull(); // not counted under this filter
    expect(byDatabase.items).toHaveLength(20);
    expect((await listSftQueue(filters({ database: "no_such_db" }))).items).toEqual([]);
  });
});
