import type { CandidateVerdict } from "@/lib/sql/exec/exec-types";
import { degenerateFlags } from "@/lib/sql/label-checks/degenerate-sql";
import { failureClass } from "@/lib/sql/label-checks/error-class";
import { DEGENERATE_FLAGS, type ErrorClass, type LabelFlag } from "@/lib/sql/label-checks/label-flags";

export type CandidateLabels = { flags: LabelFlag[]; errorClass: ErrorClass | null };

/**
 * What the label checks say of one judged candidate: the judge's coincidence flags, the degenerate
 * flags of its SQL, and, when it is wrong, its error class (from the
 * engine's failure, or from how its result differs).
 */
export function candidateLabels(sql: string, verdict: CandidateVerdict): CandidateLabels {
  const flags: LabelFlag[] = [...(verdict.flags ?? []), ...degenerateFlags(sql)];
  const errorClass = verdict.match
    ? null
    : verdict.predError
      ? failureClass(verdict.predError)
      : (verdict.mismatch ?? null);
  return { flags, errorClass };
}

/** An answer flagged as degenerate says nothing about its question: it is never a side of a pair. */
export const isDegenerate = (flags: readonly LabelFlag[]) =>
  flags.some((f) => Object.hasOwn(DEGENERATE_FLAGS, f));
