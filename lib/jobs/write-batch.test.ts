import { beforeAll, describe, expect, it } from "vitest";
import { prisma, type Tx } from "@/lib/db";
import { claimJobItems } from "@/lib/jobs/claim-job-items";
import { completeJobItem, LeaseLostError } from "@/lib/jobs/complete-job-item";
import { createMutationJob } from "@/lib/jobs/create-job";
import { recordModelCalls } from "@/lib/llm/record-model-calls";
import { createProvider } from "@/lib/providers/providers";
import { newRowId } from "@/lib/jobs/row-ids";
import { writeBatchStats } from "@/lib/jobs/write-batch";
import { seedDemo } from "@/lib/seed/seed-demo";
import { sqlTime } from "@/lib/store/sql-time";

beforeAll(async () => {
  await seedDemo();
});

describe("item ends written together", () => {
  it("keep each item's outcome apart: a lost lease and a failing write do not undo the others", async () => {
    const job = await createMutationJob({
      kind: "mutation",
      tasks: { origin: "demo", limit: 6 },
      keepPerTask: 1,
    });
    const items = await claimJobItems("batch", 6, 60_000);
    expect(items).toHaveLength(6);
    const stolen = { ...items[1]!, claim: "someone-else" }; // its lease is not this claim's
    const task = await prisma.task.findFirstOrThrow({ where: { origin: "demo" } });
    const addPair = (n: number) => async (tx: Tx) => {
      await tx.preferencePair.create({
        data: {
          taskId: task.id,
          jobId: job.id,
          chosenSql: "SELECT 1",
          chosenSource: "gold",
          rejectedSql: `SELECT ${n}`,
        },
      });
      return { n };
    };
    // all six are queued at once, so they share transactions
    const settled = await Promise.allSettled([
      completeJobItem(items[0]!, addPair(0)),
      completeJobItem(stolen, addPair(1)),
      completeJobItem(items[2]!, async () => {
        throw new Error("the write broke");
      }),
      completeJobItem(items[3]!, addPair(3)),
      completeJobItem(items[4]!, addPair(4)),
      completeJobItem(items[5]!, addPair(5)),
    ]);
    expect(settled.map((s) => s.status)).toEqual([
      "fulfilled",
      "rejected",
      "rejected",
      "fulfilled",
      "fulfilled",
      "fulfilled",
    ]);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(LeaseLostError);
    expect(((settled[2] as PromiseRejectedResult).reason as Error).message).toBe("the write broke");
    const pairs = await prisma.preferencePair.findMany({
      where: { jobId: job.id },
      select: { rejectedSql: true },
    });
    expect(pairs.map((p) => p.rejectedSql).sort()).toEqual(["SELECT 0", "SELECT 3", "SELECT 4", "SELECT 5"]);
    const after = await prisma.jobItem.findMany({ where: { id: { in: items.map((i) => i.id) } } });
    const statusOf = (id: string) => after.find((i) => i.id === id)!.status;
    expect(items.map((i) => statusOf(i.id))).toEqual(["done", "leased", "leased", "done", "done", "done"]);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      itemsDone: 4,
      status: "running",
    });
  });

  it("roll a broken rows-only batch back and keep the others' writes: outside Prisma, as inside", async () => {
    const job = await createMutationJob({
      kind: "mutation",
      tasks: { origin: "demo", limit: 3 },
      keepPerTask: 1,
    });
    const items = await claimJobItems("rows-batch", 3, 60_000);
    expect(items).toHaveLength(3);
    const task = await prisma.task.findFirstOrThrow({ where: { origin: "demo" } });
    const pairRow = (taskId: string, n: number) => [
      newRowId(),
      taskId,
      job.id,
      "SELECT 1",
      "gold",
      `SELECT ${n}`,
      "pending",
      sqlTime(new Date()),
    ];
    const columns = [
      "id",
      "task_id",
      "job_id",
      "chosen_sql",
      "chosen_source",
      "rejected_sql",
      "status",
      "created_at",
    ];
    const before = { ...writeBatchStats };
    const settled = await Promise.allSettled(
      items.map((item, n) =>
        completeJobItem(item, {
          rows: (rows) => {
            rows.insert("preference_pairs", columns, [pairRow(n === 1 ? "no-such-task" : task.id, n)]); // the second breaks a foreign key
            return { n };
          },
        }),
      ),
    );
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((settled[1] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(writeBatchStats.direct).toBeGreaterThan(before.direct);
    const pairs = await prisma.preferencePair.findMany({
      where: { jobId: job.id },
      select: { rejectedSql: true },
    });
    expect(pairs.map((p) => p.rejectedSql).sort()).toEqual(["SELECT 0", "SELECT 2"]);
    const statuses = await prisma.jobItem.findMany({
      where: { id: { in: items.map((i) => i.id) } },
      select: { id: true, status: true },
    });
    expect(items.map((i) => statuses.find((s) => s.id === i.id)!.status)).toEqual(["done", "leased", "done"]);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ itemsDone: 2 });
  });

  it("sum what the writes of a batch add to each job: tokens and cost of every call, exactly", async () => {
    const provider = await createProvider({
      name: "batch-sums",
      baseUrl: "http://127.0.0.1:9/v1",
      model: "m",
    });
    const [a, b] = await Promise.all(
      [1, 2].map(() => createMutationJob({ kind: "mutation", tasks: { origin: "demo", limit: 1 } })),
    );
    const call = (n: number) => ({
      status: "ok" as const,
      httpStatus: 200,
      promptTokens: n,
      completionTokens: 2 * n,
      costUsd: n / 1000,
      latencyMs: 5,
      error: null,
    });
    await Promise.all([
      recordModelCalls(a!.id, provider.id, [call(1), call(2)]),
      recordModelCalls(b!.id, provider.id, [call(10)]),
      recordModelCalls(a!.id, provider.id, [call(4)]),
      recordModelCalls(b!.id, provider.id, [call(20), call(30)]),
    ]);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: a!.id } })).toMatchObject({
      promptTokens: 7,
      completionTokens: 14,
      costUsd: expect.closeTo(0.007, 9),
    });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: b!.id } })).toMatchObject({
      promptTokens: 60,
      completionTokens: 120,
      status: "running",
    });
    expect(await prisma.modelCall.count({ where: { jobId: { in: [a!.id, b!.id] } } })).toBe(6);
  });
});
