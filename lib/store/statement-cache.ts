import type Database from "better-sqlite3";

// Prisma's better-sqlite3 adapter prepares every statement anew (`prepare(sql).bind(args)`), and
// compiling SQL was a tenth of the job runner's CPU. A bound better-sqlite3 statement cannot be
// bound again, so the adapter is handed a light stand-in instead: the compiled statement is kept
// per SQL text, and `bind` only remembers the arguments for the call that follows. Statements are
// used synchronously and never iterated here, so one compiled statement serves every caller; each
// call sets the result mode it needs (raw rows or objects), as the cache's other callers may differ.

type Statement = Database.Statement<unknown[]>;

/** Told of every call bound through a kept statement (the query-plan tests capture them here). */
export const boundCallObservers = new Set<(sql: string, args: unknown[]) => void>();

/** The part of a statement Prisma's adapter and our store code use, bound to one call's arguments. */
class BoundCall {
  constructor(
    private readonly statement: Statement,
    private readonly args: unknown[],
  ) {}
  get reader() {
    return this.statement.reader;
  }
  columns() {
    return this.statement.columns();
  }
  run() {
    return this.statement.run(this.args);
  }
  raw() {
    return { all: () => this.statement.raw(true).all(this.args) };
  }
  /** The rows as objects (the store's direct writer reads RETURNING rows this way). */
  all() {
    return this.statement.raw(false).all(this.args);
  }
}

/** A kept statement: `bind` gives a call with those arguments; the plain methods run it at once. */
class KeptStatement {
  constructor(private readonly statement: Statement) {}
  get reader() {
    return this.statement.reader;
  }
  get readonly() {
    return this.statement.readonly;
  }
  get source() {
    return this.statement.source;
  }
  bind(...args: unknown[]) {
    const flat = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    for (const observe of boundCallObservers) observe(this.statement.source, flat);
    return new BoundCall(this.statement, flat);
  }
  run(...args: unknown[]) {
    return this.statement.run(...args);
  }
  all(...args: unknown[]) {
    return this.statement.raw(false).all(...args);
  }
  get(...args: unknown[]) {
    return this.statement.raw(false).get(...args);
  }
  columns() {
    return this.statement.columns();
  }
}

export type StatementCacheStats = { compiled: number; reused: number };

/**
 * Wraps `prepare` so that each SQL text is compiled once per connection (up to `limit` texts,
 * the least recently used dropped first). Calls with more than the SQL (better-sqlite3's own
 * `pragma()` passes internal arguments) go to the original. Returns counters for tests and benches.
 */
export function keepStatements(
  client: Database.Database,
  original: (sql: string, ...rest: unknown[]) => Statement,
  limit = 1_000,
): StatementCacheStats {
  const kept = new Map<string, KeptStatement>();
  const stats: StatementCacheStats = { compiled: 0, reused: 0 };
  client.prepare = ((sql: string, ...rest: unknown[]) => {
    if (rest.length) return original(sql, ...rest);
    const known = kept.get(sql);
    if (known) {
      kept.delete(sql); // re-inserted below: the Map's order is the order of last use
      kept.set(sql, known);
      stats.reused++;
      return known;
    }
    const statement = new KeptStatement(original(sql));
    stats.compiled++;
    kept.set(sql, statement);
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    return statement;
  }) as unknown as Database.Database["prepare"];
  return stats;
}
