import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createMutationJob } from "@/lib/jobs/create-job";
import { runWorker } from "@/lib/jobs/run-worker";
import { claimReviewItems } from "@/lib/review/claim-review-items";
import { acceptItem, rejectItem } from "@/lib/review/review-actions";
import { undoLastAction } from "@/lib/review/undo-review-action";
import { seedDemo } from "@/lib/seed/seed-demo";
import { makeTestUser } from "@/lib/testing/test-accounts";
import { keptAndRecounted } from "@/lib/testing/store-recount";

// The counters are kept by triggers; this recounts every scope from the tables themselves (written
// apart from the triggers, lib/testing/store-recount.ts) and expects the same numbers after a mixed workload.
function compare() {
  const db = new Database(env.dbFile, { readonly: true });
  try {
    return keptAndRecounted(db);
  } finally {
    db.close();
  }
}

describe("store counters kept by triggers", () => {
  it("all exist after every migration (a later migration that redefines a counted table drops them: re-create them there)", () => {
    const migration = fs.readFileSync(
      path.join(env.projectRoot, "prisma", "migrations", "20261202005637_store_counters", "migration.sql"),
      "utf8",
    );
    const expected = [...migration.matchAll(/CREATE TRIGGER "([^"]+)"/g)].map((m) => m[1]).sort();
    expect(expected.length).toBe(24);
    const db = new Database(env.dbFile, { readonly: true });
    try {
      const present = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as {
          name: string;
        }[]
      ).map((t) => t.name);
      expect(present).toEqual(expect.arrayContaining(expected));
    } finally {
      db.close();
    }
  });

  it("match a recount after inserts, status changes, undo, a difficulty change and deletions", async () => {
    await seedDemo();
    const db = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
    await prisma.sftSample.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        databaseId: db.id,
        question: `Counted ${i}?`,
        sql: "SELECT 1",
        origin: i % 3 ? "strong" : "imported",
        execStatus: i % 4 ? "ok" : "error",
        difficulty: i % 2 ? "easy" : null,
        resultJson: JSON.stringify({ rowCount: i % 5 }),
      })),
    });
    const job = await createMutationJob({
      kind: "mutation",
      tasks: { origin: "demo", limit: 12 },
      keepPerTask: 1,
    });
    await runWorker({ stopWhenIdle: true, concurrency: 4 });
    const ana = await makeTestUser("annotator", "Ana Count");
    for (const queue of ["sft", "pairs"] as const) {
      const ids = await claimReviewItems(ana.id, queue, {}, { want: 4, leaseMs: 60_000 });
      await acceptItem(ana, queue, ids[0]!);
      await acceptItem(ana, queue, ids[1]!);
      await rejectItem(ana, queue, ids[2]!, { reason: "trivial" });
    }
    await undoLastAction(ana, 60_000);
    expect(compare().kept).toEqual(compare().recounted);

    // a task's difficulty changes, a curated pair's task is deleted, the job is deleted
    const pair = await prisma.preferencePair.findFirstOrThrow({ where: { status: "accepted" } });
    await prisma.task.update({ where: { id: pair.taskId }, data: { difficulty: "extra" } });
    const other = await prisma.preferencePair.findFirstOrThrow({
      where: { status: "accepted", id: { not: pair.id } },
    });
    await prisma.task.delete({ where: { id: other.taskId } });
    await prisma.job.delete({ where: { id: job.id } });
    await prisma.sftSample.deleteMany({ where: { question: "Counted 3?" } });
    const { kept, recounted } = compare();
    expect(kept).toEqual(recounted);
    expect(Object.keys(kept).some((k) => k.startsWith("curated.pairs extra"))).toBe(true);
    // the job is gone, its pairs' origin is what their rejected answers came from (lib/items/item-facets.ts), not "imported"
    expect(
      Object.keys(kept)
        .filter((k) => k.startsWith("curated.pairs "))
        .map((k) => k.split("\u001f")[1]),
    ).toEqual(expect.arrayContaining(["mutation"]));
    expect(Object.keys(kept).filter((k) => k.startsWith("curated.pairs ") && k.endsWith("\u001f"))).toEqual(
      [],
    );
  }, 60_000);
});
