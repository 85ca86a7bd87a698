// Job items are checked against the step registry when they run: an item whose payload does not
// fit its step (a hand-edited store, an item of an older version) failed as an "internal" error
// and was retried every time before, with whatever message the handler happened to throw.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createMutationJob } from "@/lib/jobs/create-job";
import { readStep } from "@/lib/jobs/job-step-registry";
import { runWorker } from "@/lib/jobs/run-worker";
import { seedDemo } from "@/lib/seed/seed-demo";

describe("the job-step registry", () => {
  it("reads a stored payload by its step and says what does not fit", () => {
    expect(readStep("mutate", JSON.stringify({ taskId: "t1" }), "mutation")).toEqual({
      ok: true,
      step: "mutate",
      payload: { taskId: "t1" },
    });
    expect(readStep("build-database", JSON.stringify({ domain: "zoo", index: 0 }), "strong")).toMatchObject({
      ok: true,
      payload: { domain: "zoo", index: 0 },
    });
    expect(readStep("mutate", JSON.stringify({ task: "t1" }), "mutation")).toEqual({
      ok: false,
      message: expect.stringContaining('"mutate" item does not fit its step (taskId:'),
    });
    expect(readStep("mutate", "{", "mutation")).toEqual({
      ok: false,
      message: 'The payload of this "mutate" item is not JSON.',
    });
    expect(readStep("sample", JSON.stringify({ taskId: "t1" }), "strong")).toEqual({
      ok: false,
      message: 'Step "sample" belongs to weak jobs, not to a strong job.',
    });
    expect(readStep("dance", "{}", "weak")).toEqual({ ok: false, message: 'No job step is called "dance".' });
  });

  it("fails an item whose payload does not fit at its first attempt, with the reason, and runs the others", async () => {
    await seedDemo();
    const job = await createMutationJob({ kind: "mutation", tasks: { origin: "demo", limit: 3 } });
    const [broken] = await prisma.jobItem.findMany({
      where: { jobId: job.id },
      orderBy: { createdAt: "asc" },
      take: 1,
    });
    await prisma.jobItem.update({
      where: { id: broken!.id },
      data: { payloadJson: JSON.stringify({ task: 42 }) },
    });
    await runWorker({ workerId: "registry", stopWhenIdle: true, pollMs: 20 });
    const item = await prisma.jobItem.findUniqueOrThrow({ where: { id: broken!.id } });
    expect(item).toMatchObject({ status: "failed", attempts: 1, errorKind: "bad_payload" });
    expect(item.error).toContain("taskId");
    const ended = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(ended).toMatchObject({ status: "done", itemsDone: 2, itemsFailed: 1 });
  }, 60_000);
});
