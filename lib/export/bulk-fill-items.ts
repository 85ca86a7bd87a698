import crypto from "node:crypto";
import Database from "better-sqlite3";

// A bulk path for benches and plan tests (never the app): review items written straight through
// better-sqlite3, many to a transaction, in the rows the app writes itself (what
// prisma.preferencePair.create / prisma.sftSample.create store): a cuid-shaped id that grows with
// insertion as cuids do, timestamps as the ISO text Prisma's SQLite adapter writes, the status
// chosen per item by the caller.

export type BulkTask = { id: string; databaseId: string; goldSql: string };

const FINGERPRINT = crypto.randomBytes(2).toString("hex");

/** Ids like Prisma's cuid(): "c", the time, a counter, a fingerprint, randomness (25 characters, ascending). */
export function cuidMaker(): () => string {
  const time = Date.now().toString(36).padStart(8, "0");
  let counter = 0;
  return () => `c${time}${(counter++).toString(36).padStart(6, "0")}${FINGERPRINT}${crypto.randomBytes(3).toString("hex")}`.slice(0, 25);
}

const isoNow = () => new Date().toISOString().replace("Z", "+00:00");

/** `total` preference pairs over the tasks, in batches of 50,000 a transaction. */
export function bulkInsertPairs(dbFile: string, tasks: BulkTask[], total: number, statusOf: (k: number) => string): void {
  const db = new Database(dbFile);
  try {
    db.pragma("journal_mode = WAL");
    const insert = db.prepare(
      "INSERT INTO preference_pairs (id, task_id, chosen_sql, chosen_source, rejected_sql, status, created_at) VALUES (?, ?, ?, 'gold', ?, ?, ?)",
    );
    const nextId = cuidMaker();
    const batch = db.transaction((from: number, to: number) => {
      const at = isoNow();
      for (let k = from; k < to; k++) {
        const t = tasks[k % tasks.length]!;
        insert.run(nextId(), t.id, t.goldSql, `${t.goldSql} LIMIT ${k}`, statusOf(k), at);
      }
    });
    for (let from = 0; from < total; from += 50_000) batch(from, Math.min(total, from + 50_000));
  } finally {
    db.close();
  }
}

/** `total` SFT samples (executed fine, origin "strong") over the tasks' databases. */
export function bulkInsertSamples(dbFile: string, tasks: BulkTask[], total: number, statusOf: (k: number) => string): void {
  const db = new Database(dbFile);
  try {
    db.pragma("journal_mode = WAL");
    const insert = db.prepare(
      "INSERT INTO sft_samples (id, database_id, task_id, question, sql, origin, exec_status, status, created_at) VALUES (?, ?, ?, ?, ?, 'strong', 'ok', ?, ?)",
    );
    const nextId = cuidMaker();
    const batch = db.transaction((from: number, to: number) => {
      const at = isoNow();
      for (let k = from; k < to; k++) {
        const t = tasks[k % tasks.length]!;
        insert.run(nextId(), t.databaseId, t.id, `Question number ${k}?`, `${t.goldSql} LIMIT ${k}`, statusOf(k), at);
      }
    });
    for (let from = 0; from < total; from += 50_000) batch(from, Math.min(total, from + 50_000));
  } finally {
    db.close();
  }
}
