// Two copies of one item (the lease expired and was claimed again, here by this same
// runner) end in the same batch. The mark UPDATE matches only the current claim, but the batch
// checks `marked.has(mark.id)` by item id, so the stale copy's write runs too.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { claimJobItems } from "@/lib/jobs/claim-job-items";
import { completeJobItem, failJobItem, LeaseLostError } from "@/lib/jobs/complete-job-item";
import { createMutationJob } from "@/lib/jobs/create-job";
import { newRowId } from "@/lib/jobs/row-ids";
import { seedDemo } from "@/lib/seed/seed-demo";
import { sqlTime } from "@/lib/store/sql-time";

beforeAll(async () => {
  await seedDemo();
});

describe("two claims of one item ending in the same batch", () => {
  it("write the outputs once: the stale claim gets LeaseLostError", async () => {
    const job = await createMutationJob({
      kind: "mutation",
      tasks: { origin: "demo", limit: 2 },
      keepPerTask: 1,
    });
    const items = await claimJobItems("dup", 2, 60_000);
    expect(items).toHaveLength(2);
    const [current, other] = items as [(typeof items)[0], (typeof items)[0]];
    const stale = { ...current, claim: "dup:an-older-claim" }; // the copy whose lease expired and was re-claimed as `current`
    const task = await prisma.task.findFirstOrThrow({ where: { origin: "demo" } });
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
    const write = (label: string) => ({
      rows: (rows: { insert: (t: string, c: readonly string[], r: unknown[][]) => void }) => {
        rows.insert("preference_pairs", columns, [
          [newRowId(), task.id, job.id, "SELECT 1", "gold", label, "pending", sqlTime(new Date())],
        ]);
        return { label };
      },
    });
    const settled = await Promise.allSettled([
      completeJobItem(stale, write("stale")),
      completeJobItem(current, write("current")),
    ]);
    const pairs = await prisma.preferencePair.findMany({
      where: { jobId: job.id },
      select: { rejectedSql: true },
    });
    const jobRow = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    const otherRow = await prisma.jobItem.findUniqueOrThrow({ where: { id: other.id } });
    expect({
      statuses: settled.map((s) => s.status),
      staleReason:
        settled[0]!.status === "rejected"
          ? (settled[0] as PromiseRejectedResult).reason instanceof LeaseLostError
          : "not rejected",
      pairs: pairs.map((p) => p.rejectedSql).sort(),
      itemsDone: jobRow.itemsDone,
    }).toEqual({ statuses: ["rejected", "fulfilled"], staleReason: true, pairs: ["current"], itemsDone: 1 });
    expect(otherRow.status).toBe("leased");
  });

  it("a stale failure and a current completion: the job is not counted as ended twice (closed with an item open)", async () => {
    const job = await createMutationJob({
      kind: "mutation",
      tasks: { origin: "demo", limit: 2 },
      keepPerTask: 1,
    });
    const items = await claimJobItems("dup2", 2, 60_000);
    expect(items).toHaveLength(2);
    const [current, open] = items as [(typeof items)[0], (typeof items)[0]];
    const stale = { ...current, claim: "dup2:an-older-claim" };
    await Promise.allSettled([
      failJobItem(stale, { kind: "bad_payload", message: "stale copy failed", retryable: false }, 3),
      completeJobItem(current, { rows: () => ({ ok: true }) }),
    ]);
    const jobRow = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    const openRow = await prisma.jobItem.findUniqueOrThrow({ where: { id: open.id } });
    expect(openRow.status).toBe("leased"); // still being worked on
    expect({ itemsDone: jobRow.itemsDone, itemsFailed: jobRow.itemsFailed, status: jobRow.status }).toEqual({
      itemsDone: 1,
      itemsFailed: 0,
      status: "running",
    });
  });

  it("one claim ending twice in one batch (a duplicate call): the second is refused, as it was when each write marked its own item", async () => {
    const job = await createMutationJob({
      kind: "mutation",
      tasks: { origin: "demo", limit: 1 },
      keepPerTask: 1,
    });
    const [item] = await claimJobItems("dup3", 1, 60_000);
    expect(item).toBeDefined();
    const settled = await Promise.allSettled([
      completeJobItem(item!, { rows: () => ({ n: 1 }) }),
      completeJobItem(item!, { rows: () => ({ n: 2 }) }),
    ]);
    const jobRow = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect({ statuses: settled.map((s) => s.status), itemsDone: jobRow.itemsDone }).toEqual({
      statuses: ["fulfilled", "rejected"],
      itemsDone: 1,
    });
  });
});
