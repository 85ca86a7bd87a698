// npm run bench:agreement — scores the twelve published Spider dev prediction files of
// ../shared/data/spider-predictions with `sense eval`'s engine, under both metrics, and compares
// every verdict with the official evaluators' (test-suite-sql-eval for spider, bird-bench mini_dev
// for bird). Prints agreement per file and each disagreement; exits 1 on any.
import fs from "node:fs";
import path from "node:path";

const shared = path.resolve(import.meta.dirname, "..", "..", "shared", "data");
const predictionsDir = path.join(shared, "spider-predictions");
const dbRoot = path.join(shared, "spider", "database");
if (!fs.existsSync(predictionsDir) || !fs.existsSync(dbRoot)) {
  console.error(`bench:agreement needs ${predictionsDir} and ${dbRoot}; they are absent.`);
  process.exit(1);
}
process.env.SENSE_PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
const { evaluatePredictions } = await import("../lib/eval/evaluate-predictions");
const { ExecPool } = await import("../lib/sql/exec/exec-pool");

type Official = {
  i: number;
  db_id: string;
  gold: string;
  pred: string;
  exec_match: boolean;
  bird_match: boolean;
};

const pool = new ExecPool();
const started = performance.now();
let pairs = 0;
let disagreements = 0;
for (const name of fs
  .readdirSync(predictionsDir)
  .filter((f) => f.endsWith(".verdicts.jsonl"))
  .sort()) {
  const lines = fs.readFileSync(path.join(predictionsDir, name), "utf8").split("\n").filter(Boolean);
  const official = lines.map((line) => JSON.parse(line) as Official);
  const gold = official.map((o, k) => ({ i: k, sql: o.gold, dbId: o.db_id }));
  // as the official readers take a prediction line: the text before the first TAB, stripped
  const predictions = official.map((o) => (o.pred.split("\t")[0] ?? "").trim());
  const counts: string[] = [];
  for (const metric of ["spider", "bird"] as const) {
    const summary = await evaluatePredictions({ gold, predictions, dbRoot, metric, timeoutMs: 30_000, pool });
    let agree = 0;
    summary.verdicts.forEach((v, k) => {
      const expected = metric === "spider" ? official[k]!.exec_match : official[k]!.bird_match;
      if (v.exec_match === expected) agree++;
      else {
        disagreements++;
        console.log(
          `  ${name} i=${official[k]!.i} ${metric}: official ${expected}, ours ${v.exec_match} (pred_error ${v.pred_error ?? "none"}, gold_error ${v.gold_error ?? "none"})\n    pred: ${predictions[k]}`,
        );
      }
    });
    pairs += official.length;
    counts.push(`${metric} ${agree}/${official.length}`);
  }
  console.log(`${name.replace(".verdicts.jsonl", "").padEnd(30)} ${counts.join("  ")}`);
}
await pool.close();
const seconds = (performance.now() - started) / 1000;
console.log(
  `${pairs} verdicts (both metrics) in ${seconds.toFixed(1)} s: ${disagreements === 0 ? "100% agreement with the official evaluators" : `${disagreements} disagreements`}`,
);
process.exit(disagreements === 0 ? 0 : 1);
