import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { claimReviewItems, releaseReviewItem, renewReviewLeases } from "@/lib/review/claim-review-items";
import { acceptItem, editPairChosen, editSftSample, rejectItem, swapPair } from "@/lib/review/review-actions";
import type { Reviewer } from "@/lib/review/reviewer";
import { makeTestUser } from "@/lib/testing/test-accounts";
import { undoLastAction } from "@/lib/review/undo-review-action";
import { seedDemo } from "@/lib/seed/seed-demo";

const LEASE = 60_000;
let ana: Reviewer;
let bo: Reviewer;
let databaseId = "";

/** Review items made the way synthesis makes them: SFT samples of the demo database, pairs of its tasks. */
async function makeItems(prefix: string, count: number) {
  for (let i = 0; i < count; i++) {
    await prisma.sftSample.create({
      data: {
        databaseId,
        question: `${prefix} question ${i}?`,
        sql: "SELECT count(*) FROM books",
        origin: "strong",
        execStatus: "ok",
        difficulty: "easy",
      },
    });
  }
}

beforeAll(async () => {
  await seedDemo();
  databaseId = (await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } })).id;
  ana = await makeTestUser("annotator", "Ana Lima");
  bo = await makeTestUser("annotator", "Bo Berg");
});

describe("claiming", () => {
  it("gives two reviewers different items, returns held items first, and frees an expired lease", async () => {
    await makeItems("claim", 5);
    const filters = { origin: "strong", difficulty: "easy" };
    const a = await claimReviewItems(ana.id, "sft", filters, { want: 2, leaseMs: LEASE });
    const b = await claimReviewItems(bo.id, "sft", filters, { want: 2, leaseMs: LEASE });
    expect(a).toHaveLength(2);
    expect(b).toHaveLength(2);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect(await claimReviewItems(ana.id, "sft", filters, { want: 2, leaseMs: LEASE })).toEqual(a); // same items again
    // concurrent claims never overlap
    const others = await Promise.all(
      Array.from({ length: 6 }, (_, i) => makeTestUser("annotator", `Reviewer ${i}`)),
    );
    const many = await Promise.all(
      others.map((r) => claimReviewItems(r.id, "sft", filters, { want: 1, leaseMs: LEASE })),
    );
    const all = many.flat();
    expect(new Set(all).size).toBe(all.length);

    await prisma.sftSample.update({
      where: { id: a[0]! },
      data: { leaseExpiresAt: new Date(Date.now() - 1) },
    });
    expect(await renewReviewLeases(ana.id, a, LEASE)).toBe(1); // only the one still held
    const boAgain = await claimReviewItems(bo.id, "sft", filters, { want: 3, leaseMs: LEASE });
    expect(boAgain).toContain(a[0]); // the expired one went back to the queue
    expect(await releaseReviewItem(bo.id, "sft", a[0]!)).toBe(true);
    expect(await releaseReviewItem(ana.id, "sft", a[1]!)).toBe(true);
    expect(await releaseReviewItem(ana.id, "sft", a[1]!)).toBe(false);
  });
});

describe("one deck per reviewer", () => {
  it("gives back what the reviewer held in another queue or under other filters, and puts a pinned item first", async () => {
    const { readReviewDeck } = await import("@/lib/review/review-deck");
    await prisma.sftSample.updateMany({ data: { leaseOwnerId: null, leaseExpiresAt: null } });
    await makeItems("deck", 5);
    const cy = await makeTestUser("annotator", "Cy Deck");
    const first = await readReviewDeck(cy, { queue: "sft" });
    expect(first.items).toHaveLength(3);
    const held = first.items.map((i) => i.id);
    await readReviewDeck(cy, { queue: "pairs" }); // switching queues
    expect(await prisma.sftSample.count({ where: { leaseOwnerId: cy.id } })).toBe(0);
    const again = await readReviewDeck(cy, { queue: "sft" });
    const last = again.items.at(-1)!.id;
    const pinned = await readReviewDeck(cy, { queue: "sft", pin: last });
    expect(pinned.items[0]!.id).toBe(last);
    expect(held.length).toBe(3);
  });
});

describe("claims next to failing actions", () => {
  it("keep a claim made while another request's transaction fails and rolls back", async () => {
    await makeItems("race", 40);
    const stale = await prisma.sftSample.create({
      data: {
        databaseId,
        question: "race stale?",
        sql: "SELECT 1",
        origin: "strong",
        execStatus: "ok",
        leaseOwnerId: ana.id,
        leaseExpiresAt: new Date(Date.now() - 1_000),
      },
    });
    const racers = await Promise.all(
      Array.from({ length: 10 }, (_, round) => makeTestUser("annotator", `Racer ${round}`)),
    );
    for (const [round, racer] of racers.entries()) {
      const [failed, claimed] = await Promise.allSettled([
        acceptItem(ana, "sft", stale.id),
        claimReviewItems(racer.id, "sft", {}, { want: 3, leaseMs: LEASE }),
      ]);
      expect(failed.status).toBe("rejected"); // Ana's lease had expired: her transaction rolls back
      if (failed.status === "rejected")
        expect(String(failed.reason)).toContain(
          "expired or was taken by another reviewer; nothing was changed",
        );
      if (claimed.status !== "fulfilled") throw claimed.reason;
      const rows = await prisma.sftSample.findMany({ where: { id: { in: claimed.value } } });
      expect(rows.map((r) => r.leaseOwnerId)).toEqual(claimed.value.map(() => racers[round]!.id));
    }
  });
});

describe("actions", () => {
  it("accept, reject, edit; each writes an audit row; an action without the lease changes nothing", async () => {
    await prisma.sftSample.updateMany({ data: { leaseOwnerId: null, leaseExpiresAt: null } });
    await makeItems("act", 3);
    const [first, second, third] = await claimReviewItems(
      ana.id,
      "sft",
      { job: undefined },
      { want: 3, leaseMs: LEASE },
    );
    await acceptItem(ana, "sft", first!);
    await expect(acceptItem(bo, "sft", second!)).rejects.toThrow(
      "expired or was taken by another reviewer; nothing was changed",
    );
    await expect(rejectItem(ana, "sft", second!, { reason: "other" })).rejects.toThrow("say why in a note");
    await rejectItem(ana, "sft", second!, { reason: "trivial" });
    await expect(editSftSample(ana, third!, { sql: "DELETE FROM books" })).rejects.toThrow(
      /The edited SQL was refused: Only queries that read can run/,
    );
    await expect(editSftSample(ana, third!, { sql: "SELECT nope FROM books" })).rejects.toThrow(
      "The edited SQL failed: no such column: nope",
    );
    await editSftSample(ana, third!, {
      sql: "SELECT count(*) FROM books WHERE pages > 100",
      question: "How many books have more than 100 pages?",
    });
    const edited = await prisma.sftSample.findUniqueOrThrow({ where: { id: third! } });
    expect(edited).toMatchObject({
      status: "edited",
      sql: "SELECT count(*) FROM books",
      editedSql: "SELECT count(*) FROM books WHERE pages > 100",
      reviewedById: ana.id,
      leaseOwnerId: null,
    });
    expect(JSON.parse(edited.editedResultJson!)).toMatchObject({ columns: ["count(*)"], rowCount: 1 });
    const audit = await prisma.reviewAction.findMany({
      where: { itemId: { in: [first!, second!, third!] } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["accept", "reject", "edit"]);
    expect(JSON.parse(audit[1]!.afterJson)).toMatchObject({ status: "rejected", rejectReason: "trivial" });
    expect(JSON.parse(audit[1]!.beforeJson)).toMatchObject({ status: "pending", rejectReason: null });
    await expect(acceptItem(ana, "sft", first!)).rejects.toThrow("nothing was changed"); // decided already
  });

  it("undo restores the state before the last action, leased to the reviewer, and is refused after someone else's change", async () => {
    await makeItems("undo", 1);
    const [id] = await claimReviewItems(bo.id, "sft", {}, { want: 1, leaseMs: LEASE });
    await rejectItem(bo, "sft", id!, { reason: "duplicate" });
    expect(await undoLastAction(bo, LEASE)).toEqual({ queue: "sft", id, undone: "reject" });
    expect(await prisma.sftSample.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "pending",
      rejectReason: null,
      reviewedById: null,
      leaseOwnerId: bo.id,
    });
    await acceptItem(bo, "sft", id!); // the lease came back with the undo
    // someone else changes it afterwards: Bo's undo must not overwrite that
    await prisma.sftSample.update({ where: { id: id! }, data: { status: "rejected" } });
    await expect(undoLastAction(bo, LEASE)).rejects.toThrow("was changed since by someone else");
    const history = await prisma.reviewAction.findMany({
      where: { itemId: id! },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => [h.action, h.undoneAt !== null])).toEqual([
      ["reject", true],
      ["undo", false],
      ["accept", false],
    ]);
  });

  it("swaps a pair or replaces its chosen side with an edit that runs to another result", async () => {
    const task = await prisma.task.findFirstOrThrow({
      where: { origin: "demo", goldSql: "SELECT count(*) FROM branches" },
    });
    const pair = await prisma.preferencePair.create({
      data: {
        taskId: task.id,
        chosenSql: task.goldSql,
        chosenSource: "gold",
        rejectedSql: "SELECT count(*) FROM branches WHERE 0",
      },
    });
    const [id] = await claimReviewItems(
      ana.id,
      "pairs",
      { database: "city_library" },
      { want: 1, leaseMs: LEASE },
    );
    expect(id).toBe(pair.id);
    await swapPair(ana, id!);
    expect(await prisma.preferencePair.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "edited",
      chosenSql: task.goldSql,
      finalChosenSql: "SELECT count(*) FROM branches WHERE 0",
      finalRejectedSql: task.goldSql,
    });
    await undoLastAction(ana, LEASE);
    await expect(
      editPairChosen(ana, id!, { sql: "SELECT count(*) FROM branches WHERE 1 = 0" }),
    ).rejects.toThrow("returns the same result as the rejected SQL");
    await editPairChosen(ana, id!, { sql: "SELECT count(branch_id) FROM branches" });
    const broken = await prisma.preferencePair.create({
      data: {
        taskId: task.id,
        chosenSql: task.goldSql,
        chosenSource: "gold",
        rejectedSql: "SELECT nope FROM branches",
      },
    });
    const [brokenId] = await claimReviewItems(
      ana.id,
      "pairs",
      { database: "city_library" },
      { want: 1, leaseMs: LEASE },
    );
    expect(brokenId).toBe(broken.id);
    await expect(swapPair(ana, brokenId!)).rejects.toThrow(
      "The rejected side cannot become the chosen one: it failed: no such column: nope",
    );
    expect(await prisma.preferencePair.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "edited",
      finalChosenSql: "SELECT count(branch_id) FROM branches",
      finalRejectedSql: null,
    });
  });

  it("judges an edited chosen side with the metric of the job that made the pair (BIRD: column order counts)", async () => {
    const task = await prisma.task.findFirstOrThrow({
      where: { origin: "demo", goldSql: "SELECT count(*) FROM branches" },
    });
    const jobOf = (metric: "spider" | "bird") =>
      prisma.job.create({
        data: {
          kind: "weak",
          status: "done",
          configJson: JSON.stringify({ kind: "weak", provider: "p", metric, tasks: {} }),
        },
      });
    const rejectedSql = "SELECT title, book_id FROM books";
    const swapped = "SELECT book_id, title FROM books"; // the same rows with the columns the other way round
    for (const metric of ["bird", "spider"] as const) {
      await prisma.preferencePair.updateMany({ where: { status: "pending" }, data: { status: "rejected" } }); // only this pair is claimable
      const pair = await prisma.preferencePair.create({
        data: {
          taskId: task.id,
          jobId: (await jobOf(metric)).id,
          chosenSql: task.goldSql,
          chosenSource: "gold",
          rejectedSql,
        },
      });
      const [id] = await claimReviewItems(
        ana.id,
        "pairs",
        { database: "city_library" },
        { want: 1, leaseMs: LEASE },
      );
      expect(id).toBe(pair.id);
      if (metric === "bird") {
        await editPairChosen(ana, id!, { sql: swapped }); // BIRD compares rows as tuples: another result
        expect(await prisma.preferencePair.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
          status: "edited",
          finalChosenSql: swapped,
        });
      } else {
        await expect(editPairChosen(ana, id!, { sql: swapped })).rejects.toThrow(
          "returns the same result as the rejected SQL",
        ); // Spider ignores column order
      }
    }
  });
});
