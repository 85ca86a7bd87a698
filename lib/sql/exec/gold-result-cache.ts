import "server-only";
import { normalizeSql } from "@/lib/sql/normalize-sql";
import type { ExecOptions, ExecPool } from "@/lib/sql/exec/exec-pool";
import type { ExecResult } from "@/lib/sql/exec/exec-types";

/**
 * Results of gold SQL, executed once per (database file, normalized SQL): k candidates of one task
 * and repeated evaluations reuse them. Bounded: the least recently used entries are dropped.
 */
export class GoldResultCache {
  private readonly entries = new Map<string, Promise<ExecResult>>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly pool: ExecPool,
    private readonly maxEntries = 5_000,
  ) {}

  run(dbFile: string, sql: string, options?: ExecOptions): Promise<ExecResult> {
    const key = `${dbFile}\u0000${normalizeSql(sql)}`;
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    this.misses++;
    const pending = this.pool.run(dbFile, sql, options);
    this.entries.set(key, pending);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return pending;
  }
}
