// An item's origin and difficulty: the one definition that review (claims, Browse, the item view),
// exports and the overview share. Client-safe (the filter menus read the vocabularies); the same
// rules as filters, a Prisma where and its raw-SQL twin, are in item-facets-where.ts.
//
// Difficulty: an SFT sample's own `difficulty`. A pair's is its task's: the `difficulty` its source
// gave (BIRD simple|moderate|challenging, a strong job's easy…extra) when set, else the task's
// Spider `hardness` (lib/tasks/task-level.ts). So a BIRD task (simple, hardness easy) is "simple",
// never "easy"; a Spider task (hardness easy only) is "easy".
//
// Origin: an SFT sample's own `origin` (strong | imported | manual). A pair's is its job's kind
// (weak | mutation); with its job deleted, what its rejected answer came from (a candidate's
// source weak-model → weak, mutation → mutation); with neither, "imported". People see these
// words, never a candidate's source name.

export const SFT_ORIGINS = ["strong", "imported", "manual"] as const;
/** Every difficulty an item can have: Spider's levels (and a strong job's), then BIRD's. */
export const ITEM_DIFFICULTIES = [
  "easy",
  "medium",
  "hard",
  "extra",
  "simple",
  "moderate",
  "challenging",
] as const;
export const PAIR_ORIGINS = ["weak", "mutation", "imported"] as const;

/** The origin a pair takes from its rejected candidate's source (Candidate.source), when its job is gone. */
export const ORIGIN_OF_CANDIDATE_SOURCE: Record<string, string> = {
  "weak-model": "weak",
  mutation: "mutation",
};

/** The origin for a filter value: the candidate sources that stand for it (none: only a job's kind does). */
export const candidateSourcesOf = (origin: string): string[] =>
  Object.keys(ORIGIN_OF_CANDIDATE_SOURCE).filter((s) => ORIGIN_OF_CANDIDATE_SOURCE[s] === origin);

/** A pair's difficulty: its task's given difficulty, else its Spider hardness. */
export const pairDifficulty = (task: { difficulty: string | null; hardness: string | null }): string | null =>
  task.difficulty ?? task.hardness;

/** A pair's origin: its job's kind, or (its job deleted) what its rejected answer came from, else "imported". */
export function pairOrigin(
  jobKind: string | null | undefined,
  rejectedSource: string | null | undefined,
): string {
  if (jobKind) return jobKind;
  return (rejectedSource && ORIGIN_OF_CANDIDATE_SOURCE[rejectedSource]) || "imported";
}

/** A database the review and export filters offer: one that holds items, and whether a strong job made it. */
export type ItemDatabase = { name: string; synthesized: boolean };

/** The filters on these two facets (an empty value: no filter). */
export type ItemFacetFilters = { difficulty?: string; origin?: string };
