import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createMutationJob } from "@/lib/jobs/create-job";
import { changeJobStatus } from "@/lib/jobs/job-control";
import { listJobs } from "@/lib/jobs/read-jobs";
import { runWorker } from "@/lib/jobs/run-worker";
import { seedDemo } from "@/lib/seed/seed-demo";

beforeAll(async () => {
  await seedDemo();
  const library = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
  for (const n of [1, 2]) {
    await prisma.task.create({
      data: {
        databaseId: library.id,
        question: `Broken gold ${n}`,
        goldSql: "SELECT nope FROM books WHERE pages > 1",
        split: "dev",
        origin: "manual",
        sourceRef: `test:broken:${n}`,
      },
    });
  }
});

const resultOf = async (id: string) => (await listJobs()).find((j) => j.id === id)!;

describe("how a finished job reads", () => {
  it("says failed when every item failed, done with failures when some did, done when none did", async () => {
    const allFailed = await createMutationJob({ kind: "mutation", tasks: { origin: "manual" } });
    const someFailed = await createMutationJob({
      kind: "mutation",
      tasks: { database: "city_library", limit: 40 },
    }); // 36 demo tasks + the 2 broken ones
    const noneFailed = await createMutationJob({ kind: "mutation", tasks: { origin: "demo", limit: 3 } });
    await runWorker({ stopWhenIdle: true });
    expect(await resultOf(allFailed.id)).toMatchObject({
      status: "done",
      itemsDone: 0,
      itemsFailed: 2,
      result: "failed",
    });
    expect(await resultOf(someFailed.id)).toMatchObject({
      status: "done",
      itemsDone: 36,
      itemsFailed: 2,
      result: "done with failures",
    });
    expect(await resultOf(noneFailed.id)).toMatchObject({ status: "done", itemsFailed: 0, result: "done" });
  });

  it("has no result while it runs or once it was cancelled", async () => {
    const job = await createMutationJob({ kind: "mutation", tasks: { origin: "demo", limit: 2 } });
    expect(await resultOf(job.id)).toMatchObject({ status: "running", result: null });
    await changeJobStatus(job.id, "cancel");
    expect(await resultOf(job.id)).toMatchObject({ status: "cancelled", result: null });
  });
});
