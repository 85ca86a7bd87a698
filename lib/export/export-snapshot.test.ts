import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { bulkInsertPairs, type BulkTask } from "@/lib/export/bulk-fill-items";
import { exportRequestSchema } from "@/lib/export/export-selection";
import { readExportItems } from "@/lib/export/read-export-records";

// An export walks each selected status on its own; reviewers keep working meanwhile. Every item
// selected when the export started must come out exactly once, even when its status moves from
// one selected status to another behind one walk and ahead of the other.
describe("an export while reviewers change statuses", () => {
  it("writes every item selected at its start exactly once", async () => {
    const db = await prisma.targetDatabase.create({
      data: { name: "snapshot_db", source: "path", fileStatus: "missing" },
    });
    const task = await prisma.task.create({
      data: {
        databaseId: db.id,
        question: "Q?",
        goldSql: "SELECT 1",
        split: "train",
        origin: "spider",
        sourceRef: "snapshot:1",
      },
    });
    const tasks: BulkTask[] = [{ id: task.id, databaseId: db.id, goldSql: task.goldSql }];
    // mostly accepted early, mostly edited late: the two walks stand at different ids after a page
    bulkInsertPairs(env.dbFile, tasks, 3_000, (k) =>
      k < 2_000 ? (k % 10 ? "accepted" : "edited") : k % 10 ? "edited" : "accepted",
    );
    const selected = (
      await prisma.preferencePair.findMany({
        where: { status: { in: ["accepted", "edited"] } },
        select: { id: true },
      })
    ).map((p) => p.id);

    const seen: string[] = [];
    let pages = 0;
    for await (const page of readExportItems(
      "pairs",
      exportRequestSchema.parse({ format: "trl-dpo", dedup: false }),
    )) {
      seen.push(...page.map((i) => i.id));
      if (++pages === 1) {
        // every item not yet written swaps between the two selected statuses
        await prisma.$executeRaw`UPDATE preference_pairs SET status = CASE status WHEN 'accepted' THEN 'edited' ELSE 'accepted' END WHERE id > ${seen.at(-1)!}`;
      }
    }
    expect(pages).toBeGreaterThan(2);
    expect(seen.length).toBe(selected.length);
    expect(new Set(seen)).toEqual(new Set(selected));
  });
});
