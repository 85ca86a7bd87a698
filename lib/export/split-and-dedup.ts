// A train/validation split by database (no database on both sides), reproducible from a seed, and
// the dedup key of an exported record (normalized question + normalized SQL).
import crypto from "node:crypto";
import { seededRandom } from "@/lib/seed/seeded-random";
import { normalizeSql } from "@/lib/sql/normalize-sql";
import { questionKey } from "@/lib/synthesis/near-duplicates";

/** The databases held out for validation: round(n × fraction) of them (at least one, never all), chosen by the seed. */
export function validationDatabases(databaseIds: string[], fraction: number, seed: number): Set<string> {
  if (fraction <= 0) return new Set();
  if (databaseIds.length < 2) throw new Error(`A split by database needs at least two databases; the selection has ${databaseIds.length}.`);
  const { next } = seededRandom(seed);
  const shuffled = [...databaseIds].sort();
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const count = Math.min(shuffled.length - 1, Math.max(1, Math.round(shuffled.length * fraction)));
  return new Set(shuffled.slice(0, count));
}

// one-shot hashing (Node 20.12+) makes no Hash object a record; older Nodes build one
const sha256: (text: string) => Buffer = typeof crypto.hash === "function" ? (text) => crypto.hash("sha256", text, "buffer") : (text) => crypto.createHash("sha256").update(text).digest();

export type DedupKey = (databaseId: string, question: string, ...sqls: (string | null)[]) => Buffer;

/**
 * The dedup key of a record: a digest whose first 16 bytes stand for its content (the same database, and equal
 * after normalization, means a duplicate). Made per export with a small memory of normalized SQL:
 * a task's pairs (one after another in id order) share their chosen side, normalized once. The
 * memory is bounded, so it stays flat.
 */
export function dedupKeyMaker(capacity = 4_096): DedupKey {
  const normalized = new Map<string, string>();
  const normalize = (sql: string) => {
    let known = normalized.get(sql);
    if (known === undefined) {
      if (normalized.size >= capacity) normalized.clear();
      known = normalizeSql(sql);
      normalized.set(sql, known);
    }
    return known;
  };
  return (databaseId, question, ...sqls) => {
    const text = [databaseId, questionKey(question), ...sqls.map((s) => (s === null ? "" : normalize(s)))].join("\u0000");
    return sha256(text);
  };
}
