// npm run bench:exec — labels a fixed set of (gold, candidate) pairs on the Spider dev databases:
// each gold SQL against itself and against the next gold SQL of the same database (a plausible
// wrong answer). Runs it through the engine (child-process pool, gold cache) and as a plain loop
// in one process, and prints pairs/s, wall time and peak memory of both.
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
const { evaluatePredictions } = await import("../lib/eval/evaluate-predictions");
const { ExecPool } = await import("../lib/sql/exec/exec-pool");
const { compareResults, stripDistinctForSpider } = await import("../lib/sql/compare-results");
const { prepareWithDoubleQuotedStrings } = await import("../lib/sql/exec/double-quoted-strings");

const dbRoot = path.join(spiderDir, "database");
const dbFile = (id: string) => path.join(dbRoot, id, `${id}.sqlite`);
const gold = readGoldFile(path.join(spiderDir, "dev_gold.sql")).filter((g) => fs.existsSync(dbFile(g.dbId)));
const shifted = gold.map((g, k) => {
  const next = gold.slice(k + 1).find((o) => o.dbId === g.dbId) ?? gold.find((o) => o.dbId === g.dbId && o !== g) ?? g;
  return next.sql;
});
const goldIndexed = gold.map((g, i) => ({ ...g, i }));
const pairs = gold.length * 2;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);

const pool = new ExecPool();
let started = performance.now();
const same = await evaluatePredictions({ gold: goldIndexed, predictions: gold.map((g) => g.sql), dbRoot, metric: "spider", timeoutMs: 30_000, pool });
const other = await evaluatePredictions({ gold: goldIndexed, predictions: shifted, dbRoot, metric: "spider", timeoutMs: 30_000, pool });
const engineSeconds = (performance.now() - started) / 1000;
await pool.close();
const engineRss = peakRss;

started = performance.now();
const open = new Map<string, Database.Database>();
let plainMatches = 0;
for (const [k, g] of gold.entries()) {
  const db = open.get(g.dbId) ?? new Database(dbFile(g.dbId), { readonly: true });
  open.set(g.dbId, db);
  const goldRows = prepareWithDoubleQuotedStrings(db, stripDistinctForSpider(g.sql)).raw(true).all() as unknown[][];
  for (const candidate of [g.sql, shifted[k]!]) {
    try {
      const rows = prepareWithDoubleQuotedStrings(db, stripDistinctForSpider(candidate)).raw(true).all() as unknown[][];
      if (compareResults({ gold: { rows: goldRows }, pred: { rows }, goldSql: g.sql, metric: "spider" }).match) plainMatches++;
    } catch {
      // an error is a mismatch
    }
  }
}
const plainSeconds = (performance.now() - started) / 1000;
clearInterval(sampler);

const engineMatches = same.overall.matched + other.overall.matched;
console.log(`pairs: ${pairs} on ${new Set(gold.map((g) => g.dbId)).size} databases (each gold vs itself, and vs another gold SQL of its database)`);
console.log(`engine (pool of ${pool.size} processes, gold cache): ${engineSeconds.toFixed(2)} s, ${Math.round(pairs / engineSeconds)} pairs/s, ${engineMatches} matches, gold cache ${same.goldCache.misses + other.goldCache.misses} executions / ${same.goldCache.hits + other.goldCache.hits} hits`);
console.log(`plain loop (one process, no sandbox):  ${plainSeconds.toFixed(2)} s, ${Math.round(pairs / plainSeconds)} pairs/s, ${plainMatches} matches`);
console.log(`peak RSS of this process: ${(engineRss / 1024 / 1024).toFixed(0)} MB during the engine run, ${(peakRss / 1024 / 1024).toFixed(0)} MB overall (children not included)`);
