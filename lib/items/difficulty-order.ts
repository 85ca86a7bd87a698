// Difficulty levels in their order: Spider's (easy < medium < hard < extra) and BIRD's
// (simple < moderate < challenging). Anything else follows alphabetically, "unknown" last.
const LEVELS = ["easy", "medium", "hard", "extra", "simple", "moderate", "challenging"];

const rank = (level: string) => {
  const i = LEVELS.indexOf(level.toLowerCase());
  if (i >= 0) return i;
  return level === "unknown" ? LEVELS.length + 1 : LEVELS.length;
};

/** Compares two difficulty names by level (for sort). */
export const compareDifficulty = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);

/** The counts by difficulty as a record whose keys run from the easiest level to the hardest. */
export function orderByDifficulty(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compareDifficulty(a, b)));
}
