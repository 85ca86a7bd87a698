import "server-only";
import type { SqlExec } from "@/lib/store/sql-exec";
import { insertRows } from "@/lib/jobs/job-sql";

// What the writes of one shared transaction (lib/jobs/write-batch.ts) put off to its end: rows for
// the same table and columns go in one multi-row INSERT, items' results in one UPDATE. The runner
// makes a handful of statements per item this way instead of one per row kind per item: each
// statement costs far more in Prisma's query pipeline than in SQLite.

const MAX_VARIABLES = 30_000; // below SQLite's 32,766 bound parameters a statement

export class BatchRows {
  private readonly tables = new Map<
    string,
    { table: string; columns: readonly string[]; rows: unknown[][] }
  >();
  private readonly results: [string, string][] = [];

  /** Rows to insert when the batch ends (tables in the order first named, so rows may point at rows named before). */
  insert(table: string, columns: readonly string[], rows: unknown[][]): void {
    if (!rows.length) return;
    const key = `${table}(${columns.join(",")})`;
    const known = this.tables.get(key) ?? this.tables.set(key, { table, columns, rows: [] }).get(key)!;
    for (const row of rows) known.rows.push(row);
  }

  /** A job item's result, stored with the others of the batch. */
  result(itemId: string, resultJson: string): void {
    this.results.push([itemId, resultJson]);
  }

  async write(exec: SqlExec): Promise<void> {
    for (const { table, columns, rows } of this.tables.values()) {
      const perStatement = Math.max(1, Math.floor(MAX_VARIABLES / columns.length));
      for (let i = 0; i < rows.length; i += perStatement)
        await insertRows(exec, table, columns, rows.slice(i, i + perStatement));
    }
    for (let i = 0; i < this.results.length; i += 500) {
      const part = this.results.slice(i, i + 500);
      // one statement text for any number of results: the [id, result] pairs go as one JSON array
      await exec.execute(
        `UPDATE job_items SET result_json = r.result
         FROM (SELECT value ->> 0 AS id, value ->> 1 AS result FROM json_each(?)) AS r
         WHERE job_items.id = r.id`,
        [JSON.stringify(part)],
      );
    }
  }
}
