import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportRequest } from "@/lib/export/export-selection";
import { effectiveChosen, effectiveRejected } from "@/lib/review/item-snapshot";

/** One curated item as an export sees it: the reviewed question and SQL (edits applied). */
export type ExportItem = {
  id: string;
  databaseId: string;
  question: string;
  evidence: string | null;
  origin: string;
  difficulty: string | null;
  sql: string; // SFT: the SQL; pairs: the chosen side
  rejected: string | null; // pairs: the rejected side
};

const PAGE = 500;
const endOfDay = (d: string) => new Date(new Date(d).getTime() + 24 * 3600 * 1000);

function dateWhere(r: ExportRequest) {
  if (!r.from && !r.to) return {};
  const range = { ...(r.from ? { gte: new Date(r.from) } : {}), ...(r.to ? { lt: endOfDay(r.to) } : {}) };
  return { OR: [{ reviewedAt: range }, { reviewedAt: null, createdAt: range }] };
}

export function sftWhere(r: ExportRequest): Prisma.SftSampleWhereInput {
  return {
    status: { in: r.statuses },
    execStatus: "ok",
    ...(r.origin ? { origin: r.origin } : {}),
    ...(r.job ? { jobId: r.job } : {}),
    ...(r.database ? { database: { name: r.database } } : {}),
    ...(r.difficulty ? { difficulty: r.difficulty } : {}),
    ...dateWhere(r),
  };
}

/** A pair's origin: its job's kind, or (its job deleted) what its rejected answer came from. */
const CANDIDATE_SOURCE_OF: Record<string, string> = { weak: "weak-model", mutation: "mutation" };
export function pairOrigin(p: { job: { kind: string } | null; rejectedCandidate: { source: string } | null }): string {
  if (p.job) return p.job.kind;
  const source = p.rejectedCandidate?.source;
  return Object.entries(CANDIDATE_SOURCE_OF).find(([, s]) => s === source)?.[0] ?? "imported";
}
/** A task's difficulty as exports label and filter it: as given by its source, else its Spider hardness. */
export const taskDifficulty = (t: { difficulty: string | null; hardness: string | null }) => t.difficulty ?? t.hardness;

export function pairWhere(r: ExportRequest): Prisma.PreferencePairWhereInput {
  const origin = !r.origin
    ? {}
    : r.origin === "imported"
      ? { jobId: null, rejectedCandidateId: null } // pairs that came in without a job or a candidate
      : { OR: [{ job: { kind: r.origin } }, { jobId: null, rejectedCandidate: { source: CANDIDATE_SOURCE_OF[r.origin] ?? r.origin } }] };
  const difficulty = r.difficulty ? { OR: [{ difficulty: r.difficulty }, { difficulty: null, hardness: r.difficulty }] } : {};
  return {
    status: { in: r.statuses },
    ...(r.job ? { jobId: r.job } : {}),
    task: { AND: [r.database ? { database: { name: r.database } } : {}, difficulty] },
    AND: [origin, dateWhere(r)], // both may be an OR: kept apart
  };
}

/** How many items the selection holds (before dedup). */
export function countExportItems(kind: "sft" | "preference", r: ExportRequest): Promise<number> {
  return kind === "sft" ? prisma.sftSample.count({ where: sftWhere(r) }) : prisma.preferencePair.count({ where: pairWhere(r) });
}

/** The databases the selection touches, for the split. */
export async function exportDatabaseIds(kind: "sft" | "preference", r: ExportRequest): Promise<string[]> {
  if (kind === "sft") return (await prisma.sftSample.groupBy({ by: ["databaseId"], where: sftWhere(r) })).map((g) => g.databaseId);
  const tasks = await prisma.task.findMany({ where: { pairs: { some: pairWhere(r) } }, distinct: ["databaseId"], select: { databaseId: true } });
  return tasks.map((t) => t.databaseId);
}

/** The selected items, page by page in id order: memory stays flat however many there are. */
export async function* readExportItems(kind: "sft" | "preference", r: ExportRequest): AsyncGenerator<ExportItem[]> {
  let cursor: string | undefined;
  for (;;) {
    // "after the last id" rather than a cursor row: a row deleted meanwhile does not end the export
    const after = cursor ? { id: { gt: cursor } } : {};
    const page = { take: PAGE, orderBy: { id: "asc" as const } };
    let items: ExportItem[];
    if (kind === "sft") {
      const rows = await prisma.sftSample.findMany({ where: { AND: [sftWhere(r), after] }, ...page });
      items = rows.map((s) => ({ id: s.id, databaseId: s.databaseId, question: s.editedQuestion ?? s.question, evidence: s.evidence, origin: s.origin, difficulty: s.difficulty, sql: s.editedSql ?? s.sql, rejected: null }));
    } else {
      const rows = await prisma.preferencePair.findMany({ where: { AND: [pairWhere(r), after] }, ...page, include: { task: true, job: { select: { kind: true } }, rejectedCandidate: { select: { source: true } } } });
      items = rows.map((p) => ({
        id: p.id,
        databaseId: p.task.databaseId,
        question: p.task.question,
        evidence: p.task.evidence,
        origin: pairOrigin(p),
        difficulty: taskDifficulty(p.task),
        sql: effectiveChosen(p),
        rejected: effectiveRejected(p),
      }));
    }
    if (!items.length) return;
    yield items;
    if (items.length < PAGE) return;
    cursor = items.at(-1)!.id;
  }
}
