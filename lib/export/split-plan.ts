// The train/validation split of an export. Whole schemas go to one side: databases with identical
// schemas render identical prompts, and a model validated on a schema it trained on says nothing
// about new databases. Which schemas are held out is chosen, from a seed, so that the held-out
// share of rows (not of databases) comes as close as it can to the request; a split that cannot
// come within SPLIT_TOLERANCE of it is refused, with the reason in words.
import { seededRandom } from "@/lib/util/seeded-random";

export type SchemaGroup = { key: string; databases: string[]; rows: number };
export type SplitRows = { train: number; validation: number };
export type SplitChoice = { validation: SchemaGroup[]; rows: SplitRows; share: number };
export type SplitOutcome = { ok: true; choice: SplitChoice } | { ok: false; reason: string };

/** The held-out share of rows may differ from the request by a quarter of it either way (0.1: 7.5–12.5%). */
export const SPLIT_TOLERANCE = 0.25;
const EPSILON = 1e-9;
const MAX_SWAP_GROUPS = 400; // the swap pass is quadratic in the schemas; past this the greedy choice stands

export const allowedShare = (fraction: number) => ({
  low: fraction * (1 - SPLIT_TOLERANCE),
  high: fraction * (1 + SPLIT_TOLERANCE),
});
export const percent = (share: number) => `${Number((share * 100).toFixed(1))}%`;

function describeGroups(groups: SchemaGroup[]): string {
  const shown = [...groups].sort((a, b) => b.rows - a.rows).slice(0, 6);
  const text = shown
    .map(
      (g) =>
        `${g.databases.slice(0, 3).join(", ")}${g.databases.length > 3 ? ` and ${g.databases.length - 3} more` : ""}: ${g.rows}`,
    )
    .join("; ");
  return groups.length > shown.length ? `${text}; and ${groups.length - shown.length} more schemas` : text;
}

function shuffled(groups: SchemaGroup[], seed: number): SchemaGroup[] {
  const { next } = seededRandom(seed);
  const order = [...groups].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Picks the held-out schemas: first fit under the target in the seed's order, one more if that comes closer (at least one), then single swaps while they help. */
function pick(order: SchemaGroup[], target: number, total: number): boolean[] {
  const held = order.map(() => false);
  let sum = 0;
  const error = (s: number) => Math.abs(target - s);
  for (const [i, g] of order.entries()) {
    if (sum + g.rows <= target + EPSILON) {
      held[i] = true;
      sum += g.rows;
    }
  }
  let best = -1;
  for (const [i, g] of order.entries()) {
    const next = sum + g.rows;
    if (held[i] || next >= total) continue; // never every schema: train keeps at least one
    if (error(next) + EPSILON < (best < 0 ? error(sum) : error(sum + order[best]!.rows))) best = i;
  }
  if (best < 0 && sum === 0) best = order.reduce((m, g, i) => (g.rows < order[m]!.rows ? i : m), 0); // a split holds out something: the smallest schema
  if (best >= 0) {
    held[best] = true;
    sum += order[best]!.rows;
  }
  if (order.length > MAX_SWAP_GROUPS) return held;
  for (let round = 0; round < order.length; round++) {
    let swap: [number, number] | null = null;
    let bestError = error(sum);
    for (const [i, a] of order.entries()) {
      if (!held[i]) continue;
      for (const [j, b] of order.entries()) {
        if (held[j]) continue;
        const e = error(sum - a.rows + b.rows);
        if (e + EPSILON < bestError) [swap, bestError] = [[i, j], e];
      }
    }
    if (!swap) break;
    held[swap[0]] = false;
    held[swap[1]] = true;
    sum += order[swap[1]]!.rows - order[swap[0]]!.rows;
  }
  return held;
}

/** The schemas to hold out for `fraction` of the rows, or why no split by schema can give it. */
export function chooseValidation(groups: SchemaGroup[], fraction: number, seed: number): SplitOutcome {
  const databases = groups.flatMap((g) => g.databases);
  if (groups.length < 2) {
    return {
      ok: false,
      reason: `A train/validation split keeps each schema on one side, so it needs at least two distinct schemas; this selection has ${groups.length === 0 ? "no schema" : `1 schema (${databases.length === 1 ? "1 database" : `${databases.length} databases share it: ${databases.slice(0, 6).join(", ")}${databases.length > 6 ? ", …" : ""}`})`}.`,
    };
  }
  const total = groups.reduce((n, g) => n + g.rows, 0);
  const order = shuffled(groups, seed);
  const held = pick(order, fraction * total, total);
  const validation = order.filter((_, i) => held[i]);
  const rows = { validation: validation.reduce((n, g) => n + g.rows, 0), train: 0 };
  rows.train = total - rows.validation;
  const share = rows.validation / total;
  const { low, high } = allowedShare(fraction);
  if (share < low - EPSILON || share > high + EPSILON) {
    return {
      ok: false,
      reason:
        `The closest split by schema holds out ${rows.validation} of ${total} rows (${percent(share)}); a validation share of ${fraction} allows ${percent(low).replace("%", "")}–${percent(high)}. ` +
        `Rows per schema (its databases: rows): ${describeGroups(groups)}. Choose a share these schemas allow, or select more databases.`,
    };
  }
  return { ok: true, choice: { validation, rows, share } };
}
