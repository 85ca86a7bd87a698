import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { appendJobItems } from "@/lib/jobs/bulk-job-items";
import { claimJobItems } from "@/lib/jobs/claim-job-items";
import { createMutationJob } from "@/lib/jobs/create-job";
import { seedDemo } from "@/lib/seed/seed-demo";

beforeAll(async () => {
  await seedDemo();
});

describe("the bulk path for big jobs", () => {
  it("adds items in the app's row format, counted in the job's total and claimed in the order given", async () => {
    const job = await createMutationJob({ kind: "mutation", tasks: { origin: "demo", limit: 1 } });
    const tasks = await prisma.task.findMany({ where: { origin: "demo" }, select: { id: true } });
    await appendJobItems(job.id, "mutate", 25_001, (i) => ({ taskId: tasks[i % tasks.length]!.id }));
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      itemsTotal: 25_002,
    });
    expect(await prisma.jobItem.count({ where: { jobId: job.id, status: "pending" } })).toBe(25_002);
    const added = await prisma.jobItem.findFirstOrThrow({
      where: { jobId: job.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }); // the last one added
    expect(added.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(added.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(JSON.parse(added.payloadJson)).toEqual({ taskId: tasks[25_000 % tasks.length]!.id });
    const claimed = await claimJobItems("bulk", 3, 60_000);
    // the job's own first item, then the bulk items from the first on
    expect(claimed.slice(1).map((c) => JSON.parse(c.payloadJson))).toEqual([
      { taskId: tasks[0]!.id },
      { taskId: tasks[1]!.id },
    ]);
  });
});
