import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { EXPORT_FORMATS } from "@/lib/export/export-formats";
import { ITEM_KINDS, KIND, kindOfAuditType } from "@/lib/items/item-kinds";
import { itemRows } from "@/lib/items/item-rows";
import { reviewQueueSchema } from "@/lib/review/review-types";
import { seedDemo } from "@/lib/seed/seed-demo";

// The kinds of curated item are named once (lib/items/item-kinds.ts): the review queues, the audit
// log's item types, the export formats' kinds and the store's tables all come from that table.

describe("the kinds of item", () => {
  it("are the review queues, and every export format exports one of them", () => {
    expect(reviewQueueSchema.options).toEqual([...ITEM_KINDS]);
    for (const format of Object.values(EXPORT_FORMATS)) expect(ITEM_KINDS).toContain(format.kind);
  });

  it("read back from the audit log's item types; an unknown type is no kind", () => {
    for (const kind of ITEM_KINDS) expect(kindOfAuditType(KIND[kind].auditType)).toBe(kind);
    expect(kindOfAuditType("preference")).toBeNull();
    expect(kindOfAuditType("pairs")).toBeNull(); // the queue's spelling is not the stored one
  });

  it("each name a table of the store, which its rows read and change", async () => {
    await seedDemo();
    const database = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
    const task = await prisma.task.findFirstOrThrow({ where: { databaseId: database.id } });
    const sample = await prisma.sftSample.create({
      data: {
        databaseId: database.id,
        question: "How many books?",
        sql: "SELECT count(*) FROM books",
        origin: "strong",
        execStatus: "ok",
      },
    });
    const pair = await prisma.preferencePair.create({
      data: { taskId: task.id, chosenSql: task.goldSql, chosenSource: "gold", rejectedSql: "SELECT 1" },
    });
    const ids = { sft: sample.id, pairs: pair.id };
    for (const kind of ITEM_KINDS) {
      const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
        KIND[kind].table,
      );
      expect(tables).toHaveLength(1);
      const id = ids[kind];
      expect(await itemRows[kind].count(prisma, { id })).toBe(1);
      expect(await itemRows[kind].snapshot(prisma, { id, status: "accepted" })).toBeNull();
      expect(
        await itemRows[kind].update(
          prisma,
          { id, status: "pending" },
          { status: "accepted", rejectNote: `${kind} note` },
        ),
      ).toBe(1);
      expect(await itemRows[kind].snapshot(prisma, { id })).toMatchObject({
        status: "accepted",
        rejectNote: `${kind} note`,
        reviewedAt: null,
      });
      expect(await itemRows[kind].update(prisma, { id, status: "pending" }, { status: "rejected" })).toBe(0); // the condition holds in the write
    }
  });
});
