import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportRequest } from "@/lib/export/export-selection";
import { pairFacetsSql, sftFacetsSql } from "@/lib/items/item-facets-where";
import type { ItemKind } from "@/lib/items/item-kinds";

// The selection of an export as SQL (one statement, its plan checked in export-plans.test.ts): the
// filters of the Exports form, the same rows Prisma's where-objects selected before. Written out
// rather than left to Prisma so each page is one ordered walk of the (status, id) index with the
// other filters applied on the way, and a pair's task, job and rejected candidate come in the same
// statement. Dates are compared as Prisma compares them: ISO text against the stored ISO text.

export type SqlPart = { sql: string; params: unknown[] };
/** The kind of item a format exports (lib/items/item-kinds.ts). */
export type ExportKind = ItemKind;

const endOfDay = (d: string) => new Date(new Date(d).getTime() + 24 * 3600 * 1000);

/** Reviewed (or, never reviewed, created) within the range. */
function dateFilter(alias: string, r: ExportRequest): SqlPart | null {
  if (!r.from && !r.to) return null;
  const limits: [string, string][] = [
    ...(r.from ? [[">= ?", new Date(r.from).toISOString()] as [string, string]] : []),
    ...(r.to ? [["< ?", endOfDay(r.to).toISOString()] as [string, string]] : []),
  ];
  const bounds = limits.map(([b]) => b);
  const values = limits.map(([, v]) => v);
  const within = (column: string) => bounds.map((b) => `${alias}.${column} ${b}`).join(" AND ");
  return {
    sql: `((${within("reviewed_at")}) OR (${alias}.reviewed_at IS NULL AND ${within("created_at")}))`,
    params: [...values, ...values],
  };
}

const databaseFilter = (column: string, name: string): SqlPart => ({
  sql: `${column} IN (SELECT id FROM target_databases WHERE name = ?)`,
  params: [name],
});

/** Origin and difficulty as lib/items/item-facets.ts defines them (review filters the same way). */
const part = (sql: Prisma.Sql): SqlPart => ({ sql: sql.sql, params: sql.values });
const facets = (kind: ExportKind, r: ExportRequest): SqlPart | null => {
  if (!r.origin && !r.difficulty) return null;
  return part(kind === "sft" ? sftFacetsSql(r, "s") : pairFacetsSql(r, "p"));
};

/**
 * A pair the label checks flagged: a side still as its job made it whose candidate has a flag (an
 * edited or swapped side is the reviewer's answer, not the candidate's). SFT samples have no flags yet.
 */
const sideFlags = (side: "chosen" | "rejected") =>
  `(SELECT fc.flags FROM candidates fc WHERE fc.id = p.${side}_candidate_id)`;
const flaggedSide = (side: "chosen" | "rejected") =>
  `(p.final_${side}_sql IS NULL AND ${sideFlags(side)} IS NOT NULL)`;
export const PAIR_FLAGGED = `(${flaggedSide("chosen")} OR ${flaggedSide("rejected")})`;

/** The filters but the status, joined with AND (an empty list: no filter). */
export function otherFilters(kind: ExportKind, r: ExportRequest): SqlPart[] {
  const alias = kind === "sft" ? "s" : "p";
  const parts: (SqlPart | null)[] =
    kind === "sft"
      ? [
          // the unary + keeps SQLite from reaching for (status, exec_status, created_at): the walk must follow (status, id)
          { sql: "+s.exec_status = 'ok'", params: [] },
          r.job ? { sql: "s.job_id = ?", params: [r.job] } : null,
          r.database ? databaseFilter("s.database_id", r.database) : null,
          facets(kind, r),
        ]
      : [
          r.job ? { sql: "p.job_id = ?", params: [r.job] } : null,
          r.database ? databaseFilter("t.database_id", r.database) : null,
          facets(kind, r),
          r.includeFlagged ? null : { sql: `NOT ${PAIR_FLAGGED}`, params: [] },
        ];
  return [...parts, dateFilter(alias, r)].filter((p): p is SqlPart => p !== null);
}

/** The tables an item's row is read from, joined: a pair's task, job and rejected candidate. */
export const FROM: Record<ExportKind, string> = {
  sft: "sft_samples s",
  pairs:
    "preference_pairs p JOIN tasks t ON t.id = p.task_id LEFT JOIN jobs j ON j.id = p.job_id LEFT JOIN candidates c ON c.id = p.rejected_candidate_id",
};

export const COLUMNS: Record<ExportKind, string> = {
  sft: "s.id, s.database_id, s.question, s.edited_question, s.evidence, s.origin, s.difficulty, s.sql, s.edited_sql, s.status, s.reviewed_at",
  pairs:
    "p.id, t.database_id, t.question, t.evidence, t.difficulty, t.hardness, p.chosen_sql, p.final_chosen_sql, p.rejected_sql, p.final_rejected_sql, j.kind AS job_kind, c.source AS rejected_source, p.status, p.reviewed_at",
};

const and = (parts: SqlPart[]): SqlPart => ({
  sql: parts.map((p) => p.sql).join(" AND "),
  params: parts.flatMap((p) => p.params),
});

/** One page of one status: the next `limit` items after `after` in id order, a range of the (status, id) index. */
export function pageQuery(
  kind: ExportKind,
  r: ExportRequest,
  status: string,
  after: string | null,
  limit: number,
): SqlPart {
  const alias = kind === "sft" ? "s" : "p";
  const where = and([
    { sql: `${alias}.status = ?`, params: [status] },
    ...(after === null ? [] : [{ sql: `${alias}.id > ?`, params: [after] }]),
    ...otherFilters(kind, r),
  ]);
  return {
    sql: `SELECT ${COLUMNS[kind]} FROM ${FROM[kind]} WHERE ${where.sql} ORDER BY ${alias}.id LIMIT ?`,
    params: [...where.params, limit],
  };
}

/** The selection with every status, for counting (or testing for) its items. */
export function selectionWhere(kind: ExportKind, r: ExportRequest): SqlPart {
  const alias = kind === "sft" ? "s" : "p";
  return and([
    { sql: `${alias}.status IN (${r.statuses.map(() => "?").join(", ")})`, params: [...r.statuses] },
    ...otherFilters(kind, r),
  ]);
}

/** How many items the selection holds: a pair's task, job and candidate joined only when a filter needs them. */
export function countQuery(kind: ExportKind, r: ExportRequest): SqlPart {
  const where = selectionWhere(kind, r);
  const from = kind === "pairs" && !r.database ? "preference_pairs p" : FROM[kind];
  return { sql: `SELECT count(*) AS n FROM ${from} WHERE ${where.sql}`, params: where.params };
}

/**
 * The flags of the selection's flagged pairs (both sides' lists), whatever `includeFlagged` says: the
 * manifest counts what was left out (or, included, what went in flagged).
 */
export function flaggedQuery(r: ExportRequest): SqlPart {
  const where = selectionWhere("pairs", { ...r, includeFlagged: true });
  const flags = (side: "chosen" | "rejected") =>
    `CASE WHEN p.final_${side}_sql IS NULL THEN ${sideFlags(side)} END`;
  return {
    sql: `SELECT ${flags("chosen")} AS chosen, ${flags("rejected")} AS rejected FROM ${FROM.pairs} WHERE ${where.sql} AND ${PAIR_FLAGGED}`,
    params: where.params,
  };
}

/** The databases with at least one selected item: one short probe per database, not a sort of the selection. */
export function databaseIdsQuery(kind: ExportKind, r: ExportRequest): SqlPart {
  const where = selectionWhere(kind, r);
  const own = kind === "sft" ? "s.database_id = d.id" : "t.database_id = d.id";
  return {
    sql: `SELECT d.id FROM target_databases d WHERE EXISTS (SELECT 1 FROM ${FROM[kind]} WHERE ${own} AND ${where.sql}) ORDER BY d.id`,
    params: where.params,
  };
}
