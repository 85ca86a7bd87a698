import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { readOverview } from "@/lib/overview/read-overview";
import { claimReviewItems } from "@/lib/review/claim-review-items";
import { acceptItem, rejectItem } from "@/lib/review/review-actions";
import { makeTestUser } from "@/lib/testing/test-accounts";
import { seedDemo } from "@/lib/seed/seed-demo";

describe("the lead's overview", () => {
  it("counts execution outcomes, review status, each reviewer's decisions and the curated data's shape", async () => {
    await seedDemo();
    const db = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
    for (const [i, execStatus] of ["ok", "ok", "ok", "error"].entries()) {
      await prisma.sftSample.create({
        data: {
          databaseId: db.id,
          question: `Overview question ${i}?`,
          sql: "SELECT 1",
          origin: "strong",
          execStatus,
          status: execStatus === "ok" ? "pending" : "discarded",
          difficulty: i ? "easy" : "hard",
          resultJson: JSON.stringify({ rowCount: i === 1 ? 0 : 1 }),
        },
      });
    }
    const ana = await makeTestUser("annotator", "Ana Overview");
    const ids = await claimReviewItems(ana.id, "sft", {}, { want: 3, leaseMs: 60_000 });
    await acceptItem(ana, "sft", ids[0]!);
    await acceptItem(ana, "sft", ids[1]!);
    await rejectItem(ana, "sft", ids[2]!, { reason: "trivial" });
    const overview = await readOverview();
    expect(overview.strongExecution).toEqual({ byStatus: { ok: 3, error: 1 }, returnsRows: 3 });
    expect(overview.review.sft).toEqual({ accepted: 2, rejected: 1, discarded: 1 });
    const mine = overview.review.reviewers.find((r) => r.name === "Ana Overview")!;
    expect(mine).toMatchObject({ decided: 3, acceptanceRate: 2 / 3 });
    expect(Object.values(mine.perDay)).toEqual([3]);
    expect(Object.values(overview.curated.sftByDifficulty).reduce((a, b) => a + b, 0)).toBe(2);
    expect(overview.curated.sftByDatabase).toEqual({ city_library: 2 });
  });

  it("lists difficulties by level, and shows the funnel and this hour's throughput from the counters", async () => {
    await seedDemo();
    const db = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
    for (const difficulty of ["extra", "medium", "easy", "hard"]) {
      await prisma.sftSample.create({
        data: {
          databaseId: db.id,
          question: `Level ${difficulty}?`,
          sql: "SELECT 1",
          origin: "strong",
          execStatus: "ok",
          status: "accepted",
          difficulty,
        },
      });
    }
    const overview = await readOverview();
    expect(Object.keys(overview.curated.sftByDifficulty)).toEqual(["easy", "medium", "hard", "extra"]);
    const reviewed = overview.funnel.sft.find((s) => s.stage === "reviewed")!;
    expect(reviewed.detail?.accepted).toBeGreaterThanOrEqual(4);
    expect(overview.throughput.perHour.at(-1)!.sft).toBeGreaterThanOrEqual(4);
  });
});
