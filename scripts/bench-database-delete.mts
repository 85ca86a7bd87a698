// npm run bench:delete-database [-- TASKS] — deleting a big database while others write. A fresh
// temporary store gets the demo database and a database `big` with TASKS tasks (default 100,000),
// each with a candidate, a preference pair and an SFT sample (plain INSERT … SELECT through
// better-sqlite3, so the counter triggers run). It then times the deletion's confirmation counts
// and the deletion, while a writer inserts an audit row every 20 ms through the app's store
// adapter (its waits are what other people feel), and checks that the demo database lost nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const TASKS = Number(process.argv[2] ?? 100_000);
const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-bench-delete-"));
Object.assign(process.env, { SENSE_DATA_DIR: dir, SENSE_PROJECT_ROOT: root, SENSE_SEED_DEMO: "0" });

const { prisma } = await import("../lib/db");
const { env } = await import("../lib/env");
const { migrateStore } = await import("../lib/store/prepare-store");
const { seedDemo } = await import("../lib/seed/seed-demo");
const { registerDatabase } = await import("../lib/databases/register-database");
const { databaseFilePath } = await import("../lib/databases/database-files");
const { deleteDatabase, previewDatabaseDeletion } = await import("../lib/databases/delete-database");
const { execPool } = await import("../lib/sql/exec/exec-pool");
migrateStore();
await seedDemo();
const demo = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
const big = await registerDatabase({
  name: "big",
  sourceFile: databaseFilePath(demo.filePath!),
  source: "path",
});
const demoRows = async () => ({
  tasks: await prisma.task.count({ where: { databaseId: demo.id } }),
  pairs: await prisma.preferencePair.count({ where: { task: { databaseId: demo.id } } }),
  samples: await prisma.sftSample.count({ where: { databaseId: demo.id } }),
});
const before = await demoRows();

const filling = performance.now();
const db = new Database(env.dbFile);
db.pragma("journal_mode = WAL");
const now = new Date().toISOString().replace("Z", "+00:00");
const seq = (n: number) =>
  `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ${n})`;
db.transaction(() => {
  db.prepare(
    `INSERT INTO tasks (id, database_id, question, gold_sql, split, origin, hardness, source_ref, created_at)
    ${seq(TASKS)} SELECT 'zt' || printf('%09d', i), ?, 'Question ' || i, 'SELECT count(*) FROM books', 'dev', 'spider', 'easy', 'bench:' || i, ? FROM seq`,
  ).run(big.id, now);
  db.prepare(
    `INSERT INTO candidates (id, task_id, source, sql, verdict, created_at)
    SELECT 'zc' || substr(id, 3), id, 'mutation', 'SELECT 2', 'wrong_result', ? FROM tasks WHERE database_id = ?`,
  ).run(now, big.id);
  db.prepare(
    `INSERT INTO preference_pairs (id, task_id, chosen_sql, chosen_source, rejected_sql, rejected_candidate_id, status, created_at)
    SELECT 'zp' || substr(id, 3), task_id, 'SELECT count(*) FROM books', 'gold', 'SELECT 2', id, 'pending', ? FROM candidates WHERE id LIKE 'zc%'`,
  ).run(now);
  db.prepare(
    `INSERT INTO sft_samples (id, database_id, task_id, question, sql, origin, exec_status, status, created_at)
    SELECT 'zs' || substr(id, 3), database_id, id, question, gold_sql, 'strong', 'ok', 'pending', ? FROM tasks WHERE database_id = ?`,
  ).run(now, big.id);
})();
db.close();
console.log(
  `store: ${TASKS.toLocaleString("en")} tasks, candidates, pairs and SFT samples on "big", filled in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
);

const previewStart = performance.now();
const preview = await previewDatabaseDeletion("big");
console.log(
  `confirmation counts ${JSON.stringify(preview.contents)} in ${(performance.now() - previewStart).toFixed(0)} ms`,
);

// another person's writes while the deletion runs: an audit row every 20 ms
const waits: number[] = [];
let deleting = true;
const writer = (async () => {
  while (deleting) {
    const t = performance.now();
    await prisma.auditEvent.create({ data: { via: "system", action: "bench.write", targetType: "bench" } });
    waits.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
})();
const deleteStart = performance.now();
const result = await deleteDatabase("big", null);
const seconds = (performance.now() - deleteStart) / 1000;
deleting = false;
await writer;
waits.sort((a, b) => a - b);
const at = (q: number) => waits[Math.min(waits.length - 1, Math.floor(q * waits.length))]!.toFixed(1);
console.log(
  `deleted ${JSON.stringify(result.deleted)} in ${seconds.toFixed(1)} s (${Math.round((TASKS * 4) / seconds).toLocaleString("en")} rows/s)`,
);
console.log(
  `a concurrent write meanwhile (${waits.length}): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
);
const after = await demoRows();
console.log(
  `city_library before ${JSON.stringify(before)}, after ${JSON.stringify(after)}: ${JSON.stringify(before) === JSON.stringify(after) ? "unchanged" : "CHANGED"}`,
);
await execPool().close?.();
await prisma.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
