import "server-only";
import Database from "better-sqlite3";
import { env } from "@/lib/env";

/**
 * A read-only connection that holds one WAL snapshot from its first query to `close()`: every
 * query sees the store as it was then. For long reads that must see each row exactly once (an
 * export walking several statuses while reviewers change them). It keeps the WAL from being
 * checkpointed past its snapshot while open, so it is for reads that end (an export, not a poll).
 */
export class ReadSnapshot {
  private readonly db: Database.Database;

  constructor(file = env.dbFile) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.prepare("BEGIN").run();
  }

  all<T>(sql: string, params: unknown[]): T[] {
    return this.db
      .prepare(sql)
      .bind(...params)
      .all() as T[];
  }

  close(): void {
    if (this.db.inTransaction) this.db.prepare("COMMIT").run();
    this.db.close();
  }
}
