// The direct writer's failure paths (COMMIT failing, another process holding the write lock).
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma, writeOnStore } from "@/lib/db";
import { env } from "@/lib/env";
import { claimJobItems } from "@/lib/jobs/claim-job-items";
import { completeJobItem, failJobItem } from "@/lib/jobs/complete-job-item";
import { createMutationJob } from "@/lib/jobs/create-job";
import { seedDemo } from "@/lib/seed/seed-demo";
import { StoreBusyError } from "@/lib/store/begin-immediate";

beforeAll(async () => {
  await seedDemo();
});

describe("direct writer failures", () => {
  it("a COMMIT that fails (deferred foreign key) leaves no transaction open and nothing written", async () => {
    const before = await prisma.preferencePair.count();
    await expect(
      writeOnStore(async (exec) => {
        await exec.execute("PRAGMA defer_foreign_keys = ON", []);
        await exec.execute(
          "INSERT INTO preference_pairs (id, task_id, job_id, chosen_sql, chosen_source, rejected_sql, status, created_at) VALUES ('pp-x', 'no-such-task', NULL, 'a', 'gold', 'b', 'pending', '2026-01-01 00:00:00.000')",
          [],
        );
        return 1;
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    // the connection is usable by both paths afterwards
    await writeOnStore(async (exec) => exec.execute("UPDATE jobs SET status = status WHERE 0", []));
    await prisma.$transaction(async (tx) => tx.job.count());
    expect(await prisma.preferencePair.count()).toBe(before);
  });

  it("another process holding the write lock: every write of the batch gets StoreBusyError, items stay leased, the store recovers", async () => {
    const job = await createMutationJob({
      kind: "mutation",
      tasks: { origin: "demo", limit: 2 },
      keepPerTask: 1,
    });
    const items = await claimJobItems("busy", 2, 60_000);
    expect(items).toHaveLength(2);
    const other = new Database(env.dbFile);
    other.prepare("BEGIN IMMEDIATE").run();
    const settled = Promise.allSettled([
      completeJobItem(items[0]!, { rows: () => ({ ok: 1 }) }),
      failJobItem(items[1]!, { kind: "x", message: "y", retryable: false }, 3),
    ]);
    const results = await settled;
    other.prepare("ROLLBACK").run();
    other.close();
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StoreBusyError);
    const rows = await prisma.jobItem.findMany({ where: { id: { in: items.map((i) => i.id) } } });
    expect(rows.map((r) => r.status)).toEqual(["leased", "leased"]);
    await completeJobItem(items[0]!, { rows: () => ({ ok: 1 }) });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      itemsDone: 1,
      itemsFailed: 0,
    });
  }, 40_000);
});
