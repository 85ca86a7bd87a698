// npm run bench:exec — labels a fixed set of (gold, candidate) pairs on the Spider dev databases,
// shaped like weak-model sampling: for every task, K candidates (the gold SQL itself and the next
// K-1 gold SQLs of the same database, plausible wrong answers). Runs it through the engine
// (child-process pool, batched round trips) and as a plain loop in one process (gold once per
// task as well), and prints pairs/s, wall time and peak memory of both. Then the per-query limits:
// a batch with one runaway candidate among fast ones, and interactive queries while every job
// process runs a runaway.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const spiderDir = path.resolve(import.meta.dirname, "..", "..", "shared", "data", "spider");
if (!fs.existsSync(path.join(spiderDir, "dev_gold.sql"))) {
  console.error(`bench:exec needs the Spider dev set at ${spiderDir}; it is absent.`);
  process.exit(1);
}
process.env.SENSE_PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
const { readGoldFile } = await import("../lib/eval/eval-inputs");
const { ExecPool } = await import("../lib/sql/exec/exec-pool");
const { compareResults } = await import("../lib/sql/compare-results");
const { stripDistinctForSpider } = await import("../lib/sql/spider-sql-rewrite");
const { prepareWithDoubleQuotedStrings } = await import("../lib/sql/exec/double-quoted-strings");

const dbRoot = path.join(spiderDir, "database");
const dbFile = (id: string) => path.join(dbRoot, id, `${id}.sqlite`);
const gold = readGoldFile(path.join(spiderDir, "dev_gold.sql")).filter((g) => fs.existsSync(dbFile(g.dbId)));
const K = 8;
const byDb = new Map<string, string[]>();
for (const g of gold) byDb.set(g.dbId, [...(byDb.get(g.dbId) ?? []), g.sql]);
const position = new Map<string, number>();
const candidatesOf = gold.map((g) => {
  const same = byDb.get(g.dbId)!;
  const at = position.get(g.dbId) ?? 0;
  position.set(g.dbId, at + 1);
  return Array.from({ length: K }, (_, j) => same[(at + j) % same.length]!);
});
const pairs = gold.length * K;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);

const pool = new ExecPool(undefined, { lane: "jobs" });
let started = performance.now();
await pool.warmUp();
const startSeconds = (performance.now() - started) / 1000;
started = performance.now();
let engineMatches = 0;
let goldCached = 0;
const tasks = gold.map((g, k) => ({ dbFile: dbFile(g.dbId), goldSql: g.sql, candidates: candidatesOf[k]! }));

/** Labels every pair through the engine: batches of 32 tasks, two requests in flight per process. */
async function engineRound(): Promise<{ matches: number; goldReused: number }> {
  const batches: (typeof tasks)[] = [];
  for (let i = 0; i < tasks.length; i += 32) batches.push(tasks.slice(i, i + 32));
  let matches = 0;
  let goldReused = 0;
  await Promise.all(
    Array.from({ length: pool.size * 2 }, async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        for (const judged of await pool.judge(batch, "spider", {
          timeoutMs: 30_000,
          maxRows: 2_000_000,
          maxBytes: 1 << 30,
        })) {
          matches += judged.verdicts.filter((v) => v.match).length;
          if (judged.goldCached) goldReused++;
        }
      }
    }),
  );
  return { matches, goldReused };
}

const first = await engineRound();
const engineSeconds = (performance.now() - started) / 1000;
started = performance.now();
const second = await engineRound();
const warmSeconds = (performance.now() - started) / 1000;
engineMatches = first.matches;
goldCached = first.goldReused;
const engineRss = peakRss;

// Per-query limits: one runaway among 64 fast candidates costs its own limit, not the batch's.
const RUNAWAY = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
const LIMIT_MS = 1_000;
const first32 = tasks.slice(0, 8).map((t, k) => ({
  ...t,
  candidates: k === 3 ? [...t.candidates.slice(0, 4), RUNAWAY, ...t.candidates.slice(4)] : t.candidates,
}));
started = performance.now();
const withRunaway = await pool.judge(first32, "spider", { timeoutMs: LIMIT_MS });
const runawaySeconds = (performance.now() - started) / 1000;
const timedOut = withRunaway.flatMap((r) => r.verdicts).filter((v) => v.predError?.kind === "timeout").length;
const queries = first32.reduce((n, t) => n + 1 + t.candidates.length, 0);

// Interactive queries while every job process runs a runaway (limit 5 s): time to answer each.
const runaways = Array.from({ length: pool.size }, () =>
  pool.run(dbFile(gold[0]!.dbId), RUNAWAY, { timeoutMs: 5_000 }),
);
const interactive = pool.forLane("interactive");
const waits: number[] = [];
for (let i = 0; i < 20; i++) {
  const asked = performance.now();
  await interactive.run(dbFile(gold[0]!.dbId), gold[i]!.sql);
  waits.push(performance.now() - asked);
}
await Promise.all(runaways);
await pool.close();
const firstWait = waits[0]!;
waits.sort((a, b) => a - b);

started = performance.now();
const open = new Map<string, Database.Database>();
let plainMatches = 0;
for (const [k, g] of gold.entries()) {
  const db = open.get(g.dbId) ?? new Database(dbFile(g.dbId), { readonly: true });
  open.set(g.dbId, db);
  const goldRows = prepareWithDoubleQuotedStrings(db, stripDistinctForSpider(g.sql))
    .raw(true)
    .all() as unknown[][];
  for (const candidate of candidatesOf[k]!) {
    try {
      const rows = prepareWithDoubleQuotedStrings(db, stripDistinctForSpider(candidate))
        .raw(true)
        .all() as unknown[][];
      if (
        compareResults({ gold: { rows: goldRows }, pred: { rows }, goldSql: g.sql, metric: "spider" }).match
      )
        plainMatches++;
    } catch {
      // an error is a mismatch
    }
  }
}
const plainSeconds = (performance.now() - started) / 1000;
clearInterval(sampler);

console.log(
  `pairs: ${pairs} on ${new Set(gold.map((g) => g.dbId)).size} databases (${gold.length} tasks x ${K} candidates: the gold itself and ${K - 1} other gold SQLs of its database)`,
);
console.log(
  `engine, first pass (pool of ${pool.size} fresh processes): ${engineSeconds.toFixed(2)} s, ${Math.round(pairs / engineSeconds)} pairs/s, ${engineMatches} matches (gold run once per task, ${goldCached} gold results reused); starting the pool took ${startSeconds.toFixed(2)} s more`,
);
console.log(
  `engine, second pass (warm processes, every gold result reused): ${warmSeconds.toFixed(2)} s, ${Math.round(pairs / warmSeconds)} pairs/s, ${second.matches} matches`,
);
console.log(
  `plain loop (one process, no sandbox):  ${plainSeconds.toFixed(2)} s, ${Math.round(pairs / plainSeconds)} pairs/s, ${plainMatches} matches`,
);
console.log(
  `a batch of ${queries} queries (8 tasks) with one runaway at a ${LIMIT_MS} ms limit: ${runawaySeconds.toFixed(2)} s, ${timedOut} timeout verdict (its budget was ${queries} x ${LIMIT_MS} ms before per-query limits)`,
);
console.log(
  `interactive queries while all ${pool.size} job processes run runaways: first ${Math.round(firstWait)} ms (the interactive lane's process starts), median ${Math.round(waits[10]!)} ms, max ${Math.round(waits.at(-1)!)} ms`,
);
console.log(
  `peak RSS of this process: ${(engineRss / 1024 / 1024).toFixed(0)} MB during the engine run, ${(peakRss / 1024 / 1024).toFixed(0)} MB overall (children not included)`,
);
