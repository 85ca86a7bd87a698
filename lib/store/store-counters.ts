import "server-only";
import { prisma } from "@/lib/db";

// Reads the counters that triggers keep in `store_counters` (migration 20261202005637_store_counters):
// every figure of the overview, the queue tabs, the jobs list and the task facets is an index range
// of that table, whatever the size of the store.

/** The separator of a key made of several values (char(31) in the triggers). */
const KEY_SEPARATOR = "\x1f";

export type CounterScope =
  | "sft.status"
  | "pair.status"
  | "strong.exec"
  | "strong.rows"
  | "curated.sft"
  | "curated.pairs"
  | "candidate.verdict"
  | "tasks"
  | "review.day"
  | "review.hour"
  | "synth.hour"
  | `job:${string}`
  | `jobcalls:${string}`;

/** The counters of the scopes asked for, as scope -> key -> count (counts of 0 left out). */
export async function readCounters(scopes: CounterScope[]): Promise<Map<CounterScope, Map<string, number>>> {
  const rows = await prisma.storeCounter.findMany({ where: { scope: { in: scopes }, n: { not: 0 } } });
  const out = new Map<CounterScope, Map<string, number>>(scopes.map((s) => [s, new Map()]));
  for (const row of rows) out.get(row.scope as CounterScope)?.set(row.key, row.n);
  return out;
}

/** The counters of one scope whose key starts at `fromKey` (e.g. review decisions since a day). */
export async function readCountersFrom(scope: CounterScope, fromKey: string): Promise<Map<string, number>> {
  const rows = await prisma.storeCounter.findMany({ where: { scope, key: { gte: fromKey }, n: { not: 0 } } });
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** A key's parts; '' (a NULL in the counted row) becomes null. */
export const keyParts = (key: string): (string | null)[] =>
  key.split(KEY_SEPARATOR).map((p) => (p === "" ? null : p));

/** Counts of one scope as a plain record, keyed by the whole key. */
export const asRecord = (counts: Map<string, number> | undefined): Record<string, number> =>
  Object.fromEntries(counts ?? []);
