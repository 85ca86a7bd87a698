import Database from "better-sqlite3";
import { newRowId } from "@/lib/jobs/row-ids";
import { sqlTime } from "@/lib/store/sql-time";

// A bulk path for benches and plan tests (never the app): review items written straight through
// better-sqlite3, many to a transaction, in the rows the app writes itself (what
// prisma.preferencePair.create / prisma.sftSample.create store): ids shaped and ordered as the
// runner's (lib/jobs/row-ids.ts), times in the stored form, the status chosen per item by the caller.

export type BulkTask = { id: string; databaseId: string; goldSql: string };

/** `total` rows of one INSERT, 50,000 a transaction; `row` gives the values after the id, the last one the time. */
function bulkInsert(dbFile: string, insertSql: string, total: number, row: (k: number) => unknown[]): void {
  const db = new Database(dbFile);
  try {
    db.pragma("journal_mode = WAL");
    const insert = db.prepare(insertSql);
    const batch = db.transaction((from: number, to: number) => {
      const at = sqlTime(new Date());
      for (let k = from; k < to; k++) insert.run(newRowId(), ...row(k), at);
    });
    for (let from = 0; from < total; from += 50_000) batch(from, Math.min(total, from + 50_000));
  } finally {
    db.close();
  }
}

/** `total` preference pairs over the tasks. */
export function bulkInsertPairs(
  dbFile: string,
  tasks: BulkTask[],
  total: number,
  statusOf: (k: number) => string,
): void {
  bulkInsert(
    dbFile,
    "INSERT INTO preference_pairs (id, task_id, chosen_sql, chosen_source, rejected_sql, status, created_at) VALUES (?, ?, ?, 'gold', ?, ?, ?)",
    total,
    (k) => {
      const t = tasks[k % tasks.length]!;
      return [t.id, t.goldSql, `${t.goldSql} LIMIT ${k}`, statusOf(k)];
    },
  );
}

/** `total` SFT samples (executed fine, origin "strong") over the tasks' databases. */
export function bulkInsertSamples(
  dbFile: string,
  tasks: BulkTask[],
  total: number,
  statusOf: (k: number) => string,
): void {
  bulkInsert(
    dbFile,
    "INSERT INTO sft_samples (id, database_id, task_id, question, sql, origin, exec_status, status, created_at) VALUES (?, ?, ?, ?, ?, 'strong', 'ok', ?, ?)",
    total,
    (k) => {
      const t = tasks[k % tasks.length]!;
      return [t.databaseId, t.id, `Question number ${k}?`, `${t.goldSql} LIMIT ${k}`, statusOf(k)];
    },
  );
}
