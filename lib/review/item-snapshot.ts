import type { PreferencePair, SftSample } from "@/lib/generated/prisma/client";

// What a review action changes on an item, as the audit log records it (before / after) and as
// undo restores it. Leases are not part of it: they belong to whoever works on the item now.

export type SftSnapshot = Pick<
  SftSample,
  | "status"
  | "editedQuestion"
  | "editedSql"
  | "editedResultJson"
  | "rejectReason"
  | "rejectNote"
  | "reviewedById"
> & { reviewedAt: string | null };
export type PairSnapshot = Pick<
  PreferencePair,
  "status" | "finalChosenSql" | "finalRejectedSql" | "rejectReason" | "rejectNote" | "reviewedById"
> & { reviewedAt: string | null };

export function sftSnapshot(s: SftSample): SftSnapshot {
  return {
    status: s.status,
    editedQuestion: s.editedQuestion,
    editedSql: s.editedSql,
    editedResultJson: s.editedResultJson,
    rejectReason: s.rejectReason,
    rejectNote: s.rejectNote,
    reviewedById: s.reviewedById,
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
  };
}

export function pairSnapshot(p: PreferencePair): PairSnapshot {
  return {
    status: p.status,
    finalChosenSql: p.finalChosenSql,
    finalRejectedSql: p.finalRejectedSql,
    rejectReason: p.rejectReason,
    rejectNote: p.rejectNote,
    reviewedById: p.reviewedById,
    reviewedAt: p.reviewedAt?.toISOString() ?? null,
  };
}

/** The store fields for a snapshot (reviewedAt back to a Date). */
export function snapshotData<T extends { reviewedAt: string | null }>(
  snapshot: T,
): Omit<T, "reviewedAt"> & { reviewedAt: Date | null } {
  return { ...snapshot, reviewedAt: snapshot.reviewedAt ? new Date(snapshot.reviewedAt) : null };
}

export const sameSnapshot = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/** The chosen and rejected SQL a pair stands for now (after a swap or an edit of the chosen side). */
export const effectiveChosen = (p: Pick<PreferencePair, "chosenSql" | "finalChosenSql">) =>
  p.finalChosenSql ?? p.chosenSql;
export const effectiveRejected = (p: Pick<PreferencePair, "rejectedSql" | "finalRejectedSql">) =>
  p.finalRejectedSql ?? p.rejectedSql;
