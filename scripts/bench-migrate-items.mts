// npm run bench:migrate-items -- --items 1000000 — what migration *_item_user_relations costs at
// start-up on a big store: it rebuilds sft_samples and preference_pairs (SQLite adds a foreign key
// only by copying the table). Makes a store migrated up to just before it, fills N items (half SFT
// samples, half preference pairs, shaped like the runner's), then applies the rest of the migrations
// in a process of its own and prints seconds, rows/s and that process's peak RSS.
//   node --conditions=react-server --import tsx scripts/bench-migrate-items.mts [--items N]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { applyMigrations } from "../lib/store/apply-migrations";
import { migrationsBefore } from "../lib/testing/migrations-before";

const migrationsDir = path.resolve(import.meta.dirname, "..", "prisma", "migrations");

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};

/** The child's part: apply what is left, report time and peak memory as one JSON line. */
function migrate(file: string) {
  const t0 = performance.now();
  const { applied } = applyMigrations(file, migrationsDir);
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ applied, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

const REVIEWERS = ["u-ann", "u-bo", "u-cy", "u-di"];
const STATUSES = ["pending", "accepted", "rejected", "edited", "pending", "accepted"];
const TASKS = 2_000;
const at = (i: number) => new Date(Date.UTC(2026, 10, 1) + i * 1_000).toISOString();

/** A result preview as the runner stores it: columns and up to 20 rows. */
function resultOf(i: number): string {
  const rows = Array.from({ length: 3 + (i % 18) }, (_, r) => [
    `Title ${i}-${r}`,
    1990 + ((i + r) % 35),
    (i * 7 + r) % 1000,
  ]);
  return JSON.stringify({
    columns: ["title", "year", "pages"],
    rows,
    rowCount: rows.length,
    truncated: false,
  });
}

/** Who holds and who decided item i: decided items name a reviewer, 1 in 1,000 an account since deleted; a few pending items are held. */
function people(i: number, status: string) {
  const who = i % 1_000 === 7 ? "u-deleted" : REVIEWERS[i % REVIEWERS.length]!;
  if (status === "pending")
    return i % 500 === 3
      ? { lease: who, until: "2099-01-01T00:00:00.000Z", reviewer: null, reviewedAt: null }
      : { lease: null, until: null, reviewer: null, reviewedAt: null };
  return { lease: null, until: null, reviewer: who, reviewedAt: at(i + 3_600) };
}

function fill(file: string, items: number) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const sftCount = Math.ceil(items / 2);
  const pairCount = items - sftCount;
  db.transaction(() => {
    const user = db.prepare(`INSERT INTO users (id, email, name) VALUES (?, ?, ?)`);
    for (const id of REVIEWERS) user.run(id, `${id}@bench.test`, `Reviewer ${id}`);
    db.prepare(
      `INSERT INTO target_databases (id, name, source, file_status, updated_at) VALUES ('d1', 'city_library', 'upload', 'ok', ?)`,
    ).run(at(0));
    db.prepare(
      `INSERT INTO jobs (id, kind, status, config_json) VALUES ('j-strong', 'strong', 'done', '{}'), ('j-mutation', 'mutation', 'done', '{}')`,
    ).run();
    const task = db.prepare(
      `INSERT INTO tasks (id, database_id, question, gold_sql, split, origin, source_ref, difficulty) VALUES (?, 'd1', ?, ?, 'train', 'imported', ?, ?)`,
    );
    const candidate = db.prepare(
      `INSERT INTO candidates (id, task_id, job_id, source, sql, verdict) VALUES (?, ?, 'j-mutation', 'mutation', ?, 'wrong_result')`,
    );
    for (let t = 0; t < TASKS; t++) {
      const sql = `SELECT title, year FROM books WHERE year > ${1990 + (t % 30)} ORDER BY year DESC LIMIT ${1 + (t % 10)}`;
      task.run(
        `t${t}`,
        `Which books came out after ${1990 + (t % 30)}, newest first (question ${t})?`,
        sql,
        `ref:${t}`,
        ["easy", "medium", "hard", "extra"][t % 4],
      );
      candidate.run(`c${t}`, `t${t}`, sql.replace("DESC", "ASC"));
    }
    const sft = db.prepare(
      `INSERT INTO sft_samples (id, database_id, job_id, question, sql, normalized_sql, difficulty, origin, exec_status, result_json, status, edited_sql, lease_owner_id, lease_expires_at, reviewed_by_id, reviewed_at, created_at)
       VALUES (?, 'd1', 'j-strong', ?, ?, ?, ?, 'strong', 'ok', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < sftCount; i++) {
      const status = STATUSES[i % STATUSES.length]!;
      const p = people(i, status);
      const sql = `SELECT b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id WHERE b.pages > ${100 + (i % 400)} ORDER BY b.title`;
      sft.run(
        `s${i}`,
        `Which books have more than ${100 + (i % 400)} pages, with their authors (sample ${i})?`,
        sql,
        sql.toLowerCase(),
        ["easy", "medium", "hard"][i % 3],
        resultOf(i),
        status,
        status === "edited" ? `${sql} LIMIT 10` : null,
        p.lease,
        p.until,
        p.reviewer,
        p.reviewedAt,
        at(i),
      );
    }
    const pair = db.prepare(
      `INSERT INTO preference_pairs (id, task_id, job_id, chosen_sql, chosen_source, rejected_sql, rejected_candidate_id, status, lease_owner_id, lease_expires_at, reviewed_by_id, reviewed_at, created_at)
       VALUES (?, ?, 'j-mutation', ?, 'gold', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < pairCount; i++) {
      const t = i % TASKS;
      const status = STATUSES[i % STATUSES.length]!;
      const p = people(i, status);
      const sql = `SELECT title, year FROM books WHERE year > ${1990 + (t % 30)} ORDER BY year DESC LIMIT ${1 + (t % 10)}`;
      pair.run(
        `p${i}`,
        `t${t}`,
        sql,
        `${sql.replace("DESC", "ASC")} -- variant ${i}`,
        `c${t}`,
        status,
        p.lease,
        p.until,
        p.reviewer,
        p.reviewedAt,
        at(i),
      );
    }
  })();
  db.close();
  return { sftCount, pairCount };
}

if (arg("migrate")) {
  migrate(arg("migrate")!);
} else {
  const items = Number(arg("items") ?? 1_000_000);
  if (!Number.isInteger(items) || items < 2)
    throw new Error("bench:migrate-items: --items takes a whole number of at least 2");
  const migration = fs.readdirSync(migrationsDir).find((name) => name.endsWith("_item_user_relations"));
  if (!migration)
    throw new Error("bench:migrate-items: no *_item_user_relations migration in prisma/migrations");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-bench-migrate-items-"));
  try {
    const file = path.join(dir, "store.db");
    applyMigrations(file, migrationsBefore(dir, migration, migrationsDir));
    const t0 = performance.now();
    const { sftCount, pairCount } = fill(file, items);
    const mb = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size / 1024 / 1024 : 0);
    console.log(
      `store before ${migration}: ${sftCount} SFT samples + ${pairCount} preference pairs, ${mb(file).toFixed(0)} MB, filled in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const child = spawnSync(
      process.execPath,
      [...process.execArgv, import.meta.filename, "--migrate", file],
      { encoding: "utf8" },
    );
    if (child.status !== 0) throw new Error(`the migrating process failed: ${child.stderr}`);
    const run = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
      applied: string[];
      seconds: number;
      maxRssMb: number;
    };
    const db = new Database(file, { readonly: true });
    const kept = db
      .prepare(`SELECT (SELECT count(*) FROM sft_samples) + (SELECT count(*) FROM preference_pairs) AS n`)
      .get() as { n: number };
    db.close();
    if (kept.n !== items) throw new Error(`the migration kept ${kept.n} of ${items} items`);
    console.log(`applied: ${run.applied.join(", ")}`);
    console.log(
      `migrate: ${run.seconds.toFixed(1)} s, ${Math.round(items / run.seconds).toLocaleString("en-US")} rows/s, peak RSS ${run.maxRssMb.toFixed(0)} MB (the migrating process); store after: ${mb(file).toFixed(0)} MB`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
