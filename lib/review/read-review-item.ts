import "server-only";
import {
  readErrorClass,
  readFlags,
  type ErrorClass,
  type LabelFlag,
} from "@/lib/sql/label-checks/label-flags";
import { prisma } from "@/lib/db";
import { pairDifficulty, pairOrigin } from "@/lib/items/item-facets";
import { notFound } from "@/lib/errors";
import { effectiveChosen, effectiveRejected } from "@/lib/review/item-snapshot";
import { TIMED_OUT_WHEN_JUDGED } from "@/lib/review/read-review-queues";
import { diffResults, type ResultDifference, type SideResult } from "@/lib/review/result-diff";
import type { ReviewQueue } from "@/lib/review/review-types";
import { runForDisplay } from "@/lib/review/run-for-display";
import { identifiersUsed } from "@/lib/review/sql-identifiers";
import { formatSql } from "@/lib/sql/format-sql";
import { highlightSql, type SqlRun } from "@/lib/sql/highlight-sql";
import { parseStoredSchema, type TableInfo } from "@/lib/sql/schema-types";
import { KIND } from "@/lib/items/item-kinds";
import { itemRows } from "@/lib/items/item-rows";

const VIEW_ROWS = 200;

type Common = {
  queue: ReviewQueue;
  id: string;
  status: string;
  question: string;
  evidence: string | null;
  difficulty: string | null;
  origin: string | null;
  model: string | null;
  jobId: string | null;
  database: string;
  tables: TableInfo[];
  used: { tables: string[]; columns: string[] };
  reviewedBy: string | null;
  reviewedAt: string | null;
  rejectReason: string | null;
  rejectNote: string | null;
  leaseOwnerId: string | null;
  leaseExpiresAt: string | null;
};
/** formatted: the SQL formatted for reading; highlighted: its runs, highlighted here so the page needs no SQL grammar. */
export type SqlSide = { sql: string; formatted: string; highlighted: SqlRun[]; result: SideResult };
export type SftItemView = Common & {
  queue: "sft";
  side: SqlSide;
  edited: (SqlSide & { question: string | null }) | null;
};
export type PairItemView = Common & {
  queue: "pairs";
  chosen: SqlSide & { source: string; flags: LabelFlag[] };
  rejected: SqlSide & { verdict: string | null; flags: LabelFlag[]; errorClass: ErrorClass | null };
  original: { chosenSql: string; rejectedSql: string } | null; // before a swap or an edit
  difference: ResultDifference;
};
export type ReviewItemView = SftItemView | PairItemView;

const shown = (sql: string) => {
  const formatted = formatSql(sql);
  return { sql, formatted, highlighted: highlightSql(formatted) };
};
const side = async (filePath: string | null, sql: string): Promise<SqlSide> => ({
  ...shown(sql),
  result: await runForDisplay(filePath, sql, VIEW_ROWS),
});
/** Who decided an item, read through its relation in the same query as the item. */
const reviewer = { select: { name: true } } as const;

/** The review screen's view of SFT samples: question, schema, SQL formatted, executed now. */
async function sftViews(ids: string[]): Promise<SftItemView[]> {
  const rows = await prisma.sftSample.findMany({
    where: { id: { in: ids } },
    include: {
      database: true,
      job: { select: { provider: { select: { model: true } } } },
      reviewedBy: reviewer,
    },
  });
  return Promise.all(
    rows.map(async (s): Promise<SftItemView> => {
      const schema = parseStoredSchema(s.database.schemaJson);
      return {
        queue: "sft",
        id: s.id,
        status: s.status,
        question: s.question,
        evidence: s.evidence,
        difficulty: s.difficulty,
        origin: s.origin,
        model: s.job?.provider?.model ?? null,
        jobId: s.jobId,
        database: s.database.name,
        tables: schema?.tables ?? [],
        used: schema ? identifiersUsed(schema, [s.sql, s.editedSql ?? ""]) : { tables: [], columns: [] },
        reviewedBy: s.reviewedBy?.name ?? null,
        reviewedAt: s.reviewedAt?.toISOString() ?? null,
        rejectReason: s.rejectReason,
        rejectNote: s.rejectNote,
        leaseOwnerId: s.leaseOwnerId,
        leaseExpiresAt: s.leaseExpiresAt?.toISOString() ?? null,
        side: await side(s.database.filePath, s.sql),
        edited: s.editedSql
          ? { ...(await side(s.database.filePath, s.editedSql)), question: s.editedQuestion }
          : null,
      };
    }),
  );
}

/** The review screen's view of preference pairs: both sides executed now, and what differs. */
async function pairViews(ids: string[]): Promise<PairItemView[]> {
  const rows = await prisma.preferencePair.findMany({
    where: { id: { in: ids } },
    include: {
      task: { include: { database: true } },
      rejectedCandidate: { select: { verdict: true, source: true, flags: true, errorClass: true } },
      chosenCandidate: { select: { flags: true } },
      job: { select: { kind: true, provider: { select: { model: true } } } },
      reviewedBy: reviewer,
    },
  });
  return Promise.all(
    rows.map(async (p): Promise<PairItemView> => {
      const db = p.task.database;
      const schema = parseStoredSchema(db.schemaJson);
      const timedOut = p.rejectedCandidate?.verdict === "timeout" && p.finalRejectedSql === null;
      const rejectedSql = effectiveRejected(p);
      const [chosen, rejected] = await Promise.all([
        side(db.filePath, effectiveChosen(p)),
        timedOut
          ? { ...shown(rejectedSql), result: { ok: false as const, message: TIMED_OUT_WHEN_JUDGED } }
          : side(db.filePath, rejectedSql),
      ]);
      const changed = p.finalChosenSql !== null || p.finalRejectedSql !== null;
      return {
        queue: "pairs",
        id: p.id,
        status: p.status,
        question: p.task.question,
        evidence: p.task.evidence,
        difficulty: pairDifficulty(p.task),
        origin: pairOrigin(p.job?.kind, p.rejectedCandidate?.source),
        model: p.job?.provider?.model ?? null,
        jobId: p.jobId,
        database: db.name,
        tables: schema?.tables ?? [],
        used: schema ? identifiersUsed(schema, [chosen.sql, rejected.sql]) : { tables: [], columns: [] },
        reviewedBy: p.reviewedBy?.name ?? null,
        reviewedAt: p.reviewedAt?.toISOString() ?? null,
        rejectReason: p.rejectReason,
        rejectNote: p.rejectNote,
        leaseOwnerId: p.leaseOwnerId,
        leaseExpiresAt: p.leaseExpiresAt?.toISOString() ?? null,
        chosen: {
          ...chosen,
          source:
            p.finalChosenSql !== null
              ? p.finalChosenSql === p.rejectedSql
                ? "swapped"
                : "edit"
              : p.chosenSource,
          // what the label checks found on the answer (an edit or a swap is another answer)
          flags: p.finalChosenSql === null ? readFlags(p.chosenCandidate?.flags) : [],
        },
        rejected: {
          ...rejected,
          verdict: p.finalRejectedSql !== null ? "swapped" : (p.rejectedCandidate?.verdict ?? null),
          flags: p.finalRejectedSql === null ? readFlags(p.rejectedCandidate?.flags) : [],
          errorClass: p.finalRejectedSql === null ? readErrorClass(p.rejectedCandidate?.errorClass) : null,
        },
        original: changed ? { chosenSql: p.chosenSql, rejectedSql: p.rejectedSql } : null,
        difference: diffResults(chosen.result, rejected.result),
      };
    }),
  );
}

/** Views of several items of one queue, in the order of `ids`. */
export async function readReviewItems(queue: ReviewQueue, ids: string[]): Promise<ReviewItemView[]> {
  if (!ids.length) return [];
  const views: ReviewItemView[] = queue === "sft" ? await sftViews(ids) : await pairViews(ids);
  const byId = new Map(views.map((v) => [v.id, v]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Whether the queue has an item with this id (a page's title asks before the page reads it). */
export async function reviewItemExists(queue: ReviewQueue, id: string): Promise<boolean> {
  return (await itemRows[queue].count(prisma, { id })) > 0;
}

export async function readReviewItem(queue: ReviewQueue, id: string): Promise<ReviewItemView> {
  const [view] = await readReviewItems(queue, [id]);
  if (!view) throw notFound(`No ${KIND[queue].one} with id "${id}".`);
  return view;
}
