import "server-only";
import { readFlags } from "@/lib/sql/label-checks/label-flags";
import { prisma } from "@/lib/db";
import type { ExportRequest } from "@/lib/export/export-selection";
import {
  countQuery,
  flaggedQuery,
  databaseIdsQuery,
  pageQuery,
  type ExportKind,
  type SqlPart,
} from "@/lib/export/export-selection-sql";
import { mergeById } from "@/lib/export/merge-by-id";
import { pairDifficulty, pairOrigin } from "@/lib/items/item-facets";
import { ReadSnapshot } from "@/lib/store/read-snapshot";

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
  status: string; // as the export read it (its trace records it)
  reviewedAt: string | null; // the last review before the export, stored ISO text
};

type Reviewed = { status: string; reviewed_at: string | null };

type SftRow = Reviewed & {
  id: string;
  database_id: string;
  question: string;
  edited_question: string | null;
  evidence: string | null;
  origin: string;
  difficulty: string | null;
  sql: string;
  edited_sql: string | null;
};
type PairRow = Reviewed & {
  id: string;
  database_id: string;
  question: string;
  evidence: string | null;
  difficulty: string | null;
  hardness: string | null;
  chosen_sql: string;
  final_chosen_sql: string | null;
  rejected_sql: string;
  final_rejected_sql: string | null;
  job_kind: string | null;
  rejected_source: string | null;
};

// small pages: what a page holds dies young (a page alive across collections is promoted, and old
// garbage is what made an export's memory grow); progress is reported per 500 rows, not per page
const PAGE = 250;

const run = <T>(q: SqlPart) => prisma.$queryRawUnsafe<T[]>(q.sql, ...q.params);

const sftItem = (s: SftRow): ExportItem => ({
  id: s.id,
  databaseId: s.database_id,
  question: s.edited_question ?? s.question,
  evidence: s.evidence,
  origin: s.origin,
  difficulty: s.difficulty,
  sql: s.edited_sql ?? s.sql,
  rejected: null,
  status: s.status,
  reviewedAt: s.reviewed_at,
});

const pairItem = (p: PairRow): ExportItem => ({
  id: p.id,
  databaseId: p.database_id,
  question: p.question,
  evidence: p.evidence,
  origin: pairOrigin(p.job_kind, p.rejected_source),
  difficulty: pairDifficulty(p),
  sql: p.final_chosen_sql ?? p.chosen_sql, // the sides as the review left them (a swap, an edit)
  rejected: p.final_rejected_sql ?? p.rejected_sql,
  status: p.status,
  reviewedAt: p.reviewed_at,
});

/** How many items the selection holds (before dedup). */
export async function countExportItems(kind: ExportKind, r: ExportRequest): Promise<number> {
  const [row] = await run<{ n: number | bigint }>(countQuery(kind, r));
  return Number(row?.n ?? 0);
}

/** How many of the selection's pairs each flag marks (SFT: none yet), for the manifest. */
export async function countFlaggedItems(kind: ExportKind, r: ExportRequest): Promise<Record<string, number>> {
  if (kind !== "pairs") return {};
  const counts: Record<string, number> = {};
  for (const row of await run<{ chosen: string | null; rejected: string | null }>(flaggedQuery(r)))
    for (const flag of new Set(readFlags([row.chosen, row.rejected].filter(Boolean).join(","))))
      counts[flag] = (counts[flag] ?? 0) + 1;
  return counts;
}

/** The databases the selection touches, for the split. */
export async function exportDatabaseIds(kind: ExportKind, r: ExportRequest): Promise<string[]> {
  return (await run<{ id: string }>(databaseIdsQuery(kind, r))).map((d) => d.id);
}

/** The pages of one status in id order, each a range of the (status, id) index after the last. */
async function* statusPages(
  snapshot: ReadSnapshot,
  kind: ExportKind,
  r: ExportRequest,
  status: string,
): AsyncGenerator<ExportItem[]> {
  let after: string | null = null;
  for (;;) {
    const page = pageQuery(kind, r, status, after, PAGE);
    const items: ExportItem[] =
      kind === "sft"
        ? snapshot.all<SftRow>(page.sql, page.params).map(sftItem)
        : snapshot.all<PairRow>(page.sql, page.params).map(pairItem);
    if (items.length) yield items;
    if (items.length < PAGE) return;
    after = items.at(-1)!.id;
  }
}

/**
 * The selected items, page by page in id order: each status walked on its own through the
 * (status, id) index and the walks merged, so every page costs a page (no sort of the selection)
 * and memory stays flat however many there are. All walks read one snapshot of the store, so an
 * item whose status changes during the export (accepted → edited) is read exactly once.
 */
export async function* readExportItems(kind: ExportKind, r: ExportRequest): AsyncGenerator<ExportItem[]> {
  const statuses = [...new Set(r.statuses)];
  const snapshot = new ReadSnapshot();
  try {
    yield* mergeById(
      statuses.map((status) => statusPages(snapshot, kind, r, status)),
      PAGE,
    );
  } finally {
    snapshot.close();
  }
}
