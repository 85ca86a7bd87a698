import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { claimJobItems } from "@/lib/jobs/claim-job-items";
import { completeJobItem } from "@/lib/jobs/complete-job-item";
import { createMutationJob } from "@/lib/jobs/create-job";
import { changeJobStatus } from "@/lib/jobs/job-control";
import { seedDemo } from "@/lib/seed/seed-demo";

const demoJob = (limit: number) =>
  createMutationJob({ kind: "mutation", tasks: { origin: "demo", limit }, keepPerTask: 1 });
const byJob = (items: { jobId: string }[]) =>
  items.reduce<Record<string, number>>((n, i) => ({ ...n, [i.jobId]: (n[i.jobId] ?? 0) + 1 }), {});

beforeAll(async () => {
  await seedDemo();
});

describe("claims across running jobs", () => {
  it("share each claim equally, so a job started second progresses from the first claims", async () => {
    const first = await demoJob(30);
    const second = await demoJob(30);
    const claimed = await claimJobItems("fair", 10, 60_000);
    expect(byJob(claimed)).toEqual({ [first.id]: 5, [second.id]: 5 });
    // one slot at a time: the jobs take turns
    const singles = [await claimJobItems("fair", 1, 60_000), await claimJobItems("fair", 1, 60_000)].flat();
    expect(new Set(singles.map((i) => i.jobId))).toEqual(new Set([first.id, second.id]));
    // each job's items come in the order they were added
    const firstItems = await prisma.jobItem.findMany({
      where: { jobId: first.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const firstClaimed = claimed.filter((i) => i.jobId === first.id).map((i) => i.id);
    expect(firstClaimed.sort()).toEqual(
      firstItems
        .slice(0, 5)
        .map((i) => i.id)
        .sort(),
    );
    await changeJobStatus(first.id, "cancel");
    await changeJobStatus(second.id, "cancel");
  });

  it("give a share one job cannot fill to the others, and never the same item twice", async () => {
    const small = await demoJob(2);
    const big = await demoJob(30);
    const [a, b] = await Promise.all([claimJobItems("one", 8, 60_000), claimJobItems("two", 8, 60_000)]);
    const all = [...a, ...b];
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(byJob(all)).toEqual({ [small.id]: 2, [big.id]: 14 });
    await changeJobStatus(big.id, "cancel");
    // the small job closes when its last item completes: judged by its counters
    for (const item of all.filter((i) => i.jobId === small.id)) await completeJobItem(item, async () => null);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: small.id } })).toMatchObject({
      status: "done",
      itemsDone: 2,
      itemsTotal: 2,
    });
  });
});
