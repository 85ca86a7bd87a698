import { z } from "zod";

export const DIFFICULTIES = ["easy", "medium", "hard", "extra"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** Relative weights of the four difficulty levels (e.g. 2/2/1/1); at least one above zero. */
export const difficultyMixSchema = z
  .object({
    easy: z.number().int().min(0).max(100),
    medium: z.number().int().min(0).max(100),
    hard: z.number().int().min(0).max(100),
    extra: z.number().int().min(0).max(100),
  })
  .refine(
    (mix) => DIFFICULTIES.some((d) => mix[d] > 0),
    "the difficulty mix needs at least one level above zero",
  );

export type DifficultyMix = z.infer<typeof difficultyMixSchema>;

/** How many of `count` questions each level gets: proportional to the weights, largest remainders first. */
export function planDifficulties(
  count: number,
  mix: DifficultyMix,
): { difficulty: Difficulty; count: number }[] {
  const total = DIFFICULTIES.reduce((n, d) => n + mix[d], 0);
  const shares = DIFFICULTIES.map((d) => ({ difficulty: d, exact: (count * mix[d]) / total }));
  const plan = shares.map((s) => ({
    difficulty: s.difficulty,
    count: Math.floor(s.exact),
    rest: s.exact - Math.floor(s.exact),
  }));
  let left = count - plan.reduce((n, p) => n + p.count, 0);
  for (const p of [...plan].sort((a, b) => b.rest - a.rest)) {
    if (left-- <= 0) break;
    p.count++;
  }
  return plan.filter((p) => p.count > 0).map(({ difficulty, count: n }) => ({ difficulty, count: n }));
}
