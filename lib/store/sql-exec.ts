import type { Tx } from "@/lib/db";

/**
 * Where a hot path's SQL runs: in a Prisma transaction, or on the store's writer connection
 * directly (lib/store/direct-writer.ts). `?` placeholders, arguments in order; the SQL text is a
 * constant of the caller's (or built from constants), never input.
 */
export type SqlExec = {
  /** Runs a statement; resolves with the rows it changed. */
  execute(sql: string, args: unknown[]): Promise<number>;
  /** Runs a statement that returns rows (a SELECT, or a write with RETURNING). */
  query<T>(sql: string, args: unknown[]): Promise<T[]>;
};

/** The SqlExec of a Prisma interactive transaction. */
export function prismaExec(tx: Tx): SqlExec {
  return {
    execute: (sql, args) => tx.$executeRawUnsafe(sql, ...args),
    query: <T>(sql: string, args: unknown[]) => tx.$queryRawUnsafe<T[]>(sql, ...args),
  };
}
