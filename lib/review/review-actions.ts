import "server-only";
import type { z } from "zod";
import { prisma, type Tx } from "@/lib/db";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { KIND, type ItemKind } from "@/lib/items/item-kinds";
import { itemRows, type ChangeOf } from "@/lib/items/item-rows";
import { pairMetric } from "@/lib/review/pair-metric";
import { effectiveChosen, effectiveRejected } from "@/lib/review/item-snapshot";
import type { RecordedReviewAction } from "@/lib/audit/audit-actions";
import type { Reviewer } from "@/lib/review/reviewer";
import {
  editPairInputSchema,
  editSftInputSchema,
  rejectInputSchema,
  type ReviewQueue,
} from "@/lib/review/review-types";
import { displayResult } from "@/lib/sql/display-result";
import { judgeOnDatabase, runOnDatabase } from "@/lib/sql/run-on-database";

// Accept, reject, edit and swap: each is one transaction that changes the item only while the
// reviewer still holds its lease (a conditional update), and writes the audit row with the state
// before and after. An item whose lease was lost is left as it is, and the reviewer is told.

const leaseLost = (id: string) =>
  conflict(
    `Your claim on item ${id} expired or was taken by another reviewer; nothing was changed. The next item is loaded.`,
  );

/**
 * Changes an item the reviewer holds, in one transaction, and records the change in the audit log.
 * `change` gives the kind's fields (a sample's edit, a pair's swap); the review fields are added here.
 */
async function changeHeldItem<K extends ItemKind>(
  reviewer: Reviewer,
  kind: K,
  id: string,
  action: Exclude<RecordedReviewAction, "undo">,
  change: (tx: Tx) => Promise<ChangeOf[K]> | ChangeOf[K],
) {
  const rows: (typeof itemRows)[K] = itemRows[kind];
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const held = { id, status: "pending", leaseOwnerId: reviewer.id, leaseExpiresAt: { gt: now } };
    const before = await rows.snapshot(tx, held);
    if (!before) {
      if (!(await rows.count(tx, { id }))) throw notFound(`No ${KIND[kind].one} with id "${id}".`);
      throw leaseLost(id);
    }
    const data: ChangeOf[K] = {
      ...(await change(tx)),
      reviewedById: reviewer.id,
      reviewedAt: now,
      leaseOwnerId: null,
      leaseExpiresAt: null,
    };
    // the same conditions again in the write itself: only one writer can win the lease
    if ((await rows.update(tx, held, data)) !== 1) throw leaseLost(id);
    const after = (await rows.snapshot(tx, { id }))!;
    await tx.reviewAction.create({
      data: {
        itemType: KIND[kind].auditType,
        itemId: id,
        userId: reviewer.id,
        via: reviewer.via ?? "ui",
        action,
        beforeJson: JSON.stringify(before),
        afterJson: JSON.stringify(after),
      },
    });
    return { id, queue: kind as ItemKind, status: after.status };
  });
}

export async function acceptItem(reviewer: Reviewer, queue: ReviewQueue, id: string) {
  return changeHeldItem(reviewer, queue, id, "accept", () => ({ status: "accepted" }));
}

export async function rejectItem(
  reviewer: Reviewer,
  queue: ReviewQueue,
  id: string,
  input: z.input<typeof rejectInputSchema>,
) {
  const { reason, note } = rejectInputSchema.parse(input);
  return changeHeldItem(reviewer, queue, id, "reject", () => ({
    status: "rejected",
    rejectReason: reason,
    rejectNote: note ?? null,
  }));
}

/** Runs an edited SQL on the item's database; SQL that writes, fails or times out is refused with the engine's words. */
/** The item's database file; an item whose database has none cannot have its SQL run. */
function itemFile(filePath: string | null): string {
  if (!filePath) throw invalidInput("The database of this item has no file, so its SQL cannot be run.");
  return filePath;
}

async function runEditedSql(filePath: string, sql: string) {
  const result = await runOnDatabase(filePath, sql);
  if (!result.ok) {
    const what =
      result.kind === "timeout" ? "timed out" : result.kind === "refused" ? "was refused" : "failed";
    throw invalidInput(`The edited SQL ${what}: ${result.message}`, { kind: result.kind });
  }
  return result;
}

/** Edits a strong sample's SQL (and question): executed first; the original stays beside the edit. */
export async function editSftSample(
  reviewer: Reviewer,
  id: string,
  input: z.input<typeof editSftInputSchema>,
) {
  const edit = editSftInputSchema.parse(input);
  const sample = await prisma.sftSample.findUnique({
    where: { id },
    include: { database: { select: { filePath: true } } },
  });
  if (!sample) throw notFound(`No SFT sample with id "${id}".`);
  const r = await runEditedSql(itemFile(sample.database.filePath), edit.sql);
  const editedResultJson = JSON.stringify(displayResult(r, 20));
  return changeHeldItem(reviewer, "sft", id, "edit", () => ({
    status: "edited",
    editedSql: edit.sql,
    editedQuestion: edit.question && edit.question !== sample.question ? edit.question : null,
    editedResultJson,
  }));
}

/** Replaces a pair's chosen side with an edit: it must run, and give another result than the rejected side. */
export async function editPairChosen(
  reviewer: Reviewer,
  id: string,
  input: z.input<typeof editPairInputSchema>,
) {
  const { sql } = editPairInputSchema.parse(input);
  const pair = await prisma.preferencePair.findUnique({
    where: { id },
    include: {
      task: { select: { origin: true, database: { select: { filePath: true } } } },
      job: { select: { configJson: true } },
    },
  });
  if (!pair) throw notFound(`No preference pair with id "${id}".`);
  const filePath = itemFile(pair.task.database.filePath);
  await runEditedSql(filePath, sql);
  const judged = await judgeOnDatabase(
    filePath,
    sql,
    [effectiveRejected(pair)],
    pairMetric(pair.job, pair.task.origin),
  );
  if (judged?.verdicts[0]?.match)
    throw invalidInput(
      "The edited chosen SQL returns the same result as the rejected SQL; a preference pair needs them to differ.",
    );
  return changeHeldItem(reviewer, "pairs", id, "edit", () => ({ status: "edited", finalChosenSql: sql }));
}

/** Swaps a pair's sides: the rejected SQL becomes the chosen one (it must run) and the other way round. */
export async function swapPair(reviewer: Reviewer, id: string) {
  const pair = await prisma.preferencePair.findUnique({
    where: { id },
    include: { task: { select: { database: { select: { filePath: true } } } } },
  });
  if (!pair) throw notFound(`No preference pair with id "${id}".`);
  await runEditedSql(itemFile(pair.task.database.filePath), effectiveRejected(pair)).catch((error: Error) => {
    throw invalidInput(
      `The rejected side cannot become the chosen one: ${error.message.replace(/^The edited SQL /, "it ")}`,
    );
  });
  return changeHeldItem(reviewer, "pairs", id, "swap", async (tx) => {
    const pair = await tx.preferencePair.findUniqueOrThrow({ where: { id } });
    return {
      status: "edited",
      finalChosenSql: effectiveRejected(pair),
      finalRejectedSql: effectiveChosen(pair),
    };
  });
}
