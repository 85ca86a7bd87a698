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

/** 16 bytes that stand for a record's content: the same database, and equal after normalization, means a duplicate. */
export function dedupKey(databaseId: string, question: string, ...sqls: (string | null)[]): string {
  const text = [databaseId, questionKey(question), ...sqls.map((s) => (s === null ? "" : normalizeSql(s)))].join("\u0000");
  return crypto.createHash("sha256").update(text).digest("base64").slice(0, 22);
}
