import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createMutationJob } from "@/lib/jobs/create-job";
import { spawnWorkerProcess } from "@/lib/jobs/worker-process";
import { claimReviewItems } from "@/lib/review/claim-review-items";
import { acceptItem } from "@/lib/review/review-actions";
import { seedDemo } from "@/lib/seed/seed-demo";
import { makeTestUser } from "@/lib/testing/test-accounts";

// The app and several `npm run worker` processes share one SQLite store. A transaction that reads
// first and writes later (as a review action does) used to fail at once with SQLITE_BUSY_SNAPSHOT
// whenever a runner committed in between: 11–72% of accepts failed with HTTP 500.

const WORKERS = 4;
const ACCEPTS = 150;
/** Samples on offer: the reviewer goes on past ACCEPTS until the runners have written meanwhile. */
const SAMPLES = 3 * ACCEPTS;
/** Items the runners must finish while the reviewer accepts, so that their commits interleave. */
const WRITTEN_DURING = 20;
const workers: ChildProcess[] = [];
afterAll(() => workers.forEach((w) => w.kill("SIGKILL")));

function startWorker(): ChildProcess {
  const child = spawnWorkerProcess({ SENSE_WORKER_CONCURRENCY: "4", SENSE_JOB_LEASE_MS: "20000" }, "ignore");
  workers.push(child);
  return child;
}

const itemsDone = async () => (await prisma.job.aggregate({ _sum: { itemsDone: true } }))._sum.itemsDone ?? 0;

describe("review actions while runner processes write to the same store", () => {
  it(`at least ${ACCEPTS} accepts next to ${WORKERS} workers: none fails`, async () => {
    await seedDemo();
    const { id: databaseId } = await prisma.targetDatabase.findUniqueOrThrow({
      where: { name: "city_library" },
    });
    await prisma.sftSample.createMany({
      data: Array.from({ length: SAMPLES }, (_, i) => ({
        databaseId,
        question: `multi-process question ${i}?`,
        sql: "SELECT count(*) FROM books",
        origin: "strong",
        execStatus: "ok",
      })),
    });
    for (let j = 0; j < 40; j++)
      await createMutationJob({ kind: "mutation", tasks: { origin: "demo" }, keepPerTask: 1 });
    for (let w = 0; w < WORKERS; w++) startWorker();
    const reviewer = await makeTestUser("annotator", "Multi Process");

    // wait until the runners are writing before reviewing starts
    const deadline = Date.now() + 60_000;
    while ((await itemsDone()) < 20) {
      if (Date.now() > deadline) throw new Error("the workers wrote nothing within 60 s");
      await new Promise((r) => setTimeout(r, 50));
    }
    const doneBefore = await itemsDone();
    const failures: string[] = [];
    let accepted = 0;
    // at least ACCEPTS accepts, and on until the runners have finished WRITTEN_DURING items meanwhile
    // (on a loaded machine 150 accepts can end before they do): a condition, not a count of tries
    while (
      accepted + failures.length < SAMPLES &&
      (accepted + failures.length < ACCEPTS || (await itemsDone()) - doneBefore <= WRITTEN_DURING)
    ) {
      try {
        const [id] = await claimReviewItems(reviewer.id, "sft", {}, { want: 1, leaseMs: 60_000 });
        if (!id) break;
        await acceptItem(reviewer, "sft", id);
        accepted++;
      } catch (error) {
        failures.push((error as Error).message.split("\n").at(-1)!);
      }
    }
    const doneDuring = (await itemsDone()) - doneBefore;

    expect(doneDuring).toBeGreaterThan(WRITTEN_DURING); // the runners really wrote while the reviewer worked
    expect(failures).toEqual([]);
    expect(accepted).toBeGreaterThanOrEqual(ACCEPTS);
    expect(
      await prisma.sftSample.count({
        where: { status: "accepted", question: { startsWith: "multi-process" } },
      }),
    ).toBe(accepted);
  }, 180_000);
});
