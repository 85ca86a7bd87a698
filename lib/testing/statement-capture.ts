import Database from "better-sqlite3";
import { vi } from "vitest";
import { boundCallObservers } from "@/lib/store/statement-cache";

// For query-plan tests: the statements code really sends, captured where better-sqlite3 prepares
// and binds them (Prisma's queries, the runner's and the export's raw SQL alike), and their plans.

export type CapturedStatement = { sql: string; args: unknown[] };

/** Every statement prepared and bound by any connection of this process while `work` runs. */
export async function captureStatements(work: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const captured: CapturedStatement[] = [];
  const prepare = Database.prototype.prepare;
  const spy = vi.spyOn(Database.prototype, "prepare").mockImplementation(function (
    this: Database.Database,
    sql: string,
  ) {
    const statement = prepare.call(this, sql);
    const bind = statement.bind.bind(statement) as (...args: unknown[]) => typeof statement;
    statement.bind = ((...args: unknown[]) => {
      captured.push({ sql, args: args.flat() });
      return bind(...args);
    }) as typeof statement.bind;
    return statement;
  });
  // the store's connections keep compiled statements (lib/store/statement-cache.ts): their calls are told here
  const observe = (sql: string, args: unknown[]) => captured.push({ sql, args });
  boundCallObservers.add(observe);
  try {
    await work();
  } finally {
    spy.mockRestore();
    boundCallObservers.delete(observe);
  }
  return captured;
}

/** What SQLite plans for a captured statement, one line per step. */
export function planOf(db: Database.Database, { sql, args }: CapturedStatement): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
}
