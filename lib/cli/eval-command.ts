import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { UsageError } from "@/lib/cli/usage-error";
import { readDifficultyFile, readGoldFile, readPredictionFile } from "@/lib/eval/eval-inputs";
import { evaluatePredictions, type EvalSummary, type GroupScore } from "@/lib/eval/evaluate-predictions";
import { ExecPool } from "@/lib/sql/exec/exec-pool";

const evalFlagsSchema = z.object({
  gold: z.string({ error: "--gold FILE is required" }).min(1),
  pred: z.string({ error: "--pred FILE is required" }).min(1),
  "db-root": z.string({ error: "--db-root DIR is required" }).min(1),
  metric: z.enum(["spider", "bird"], { error: "--metric must be spider or bird" }).default("spider"),
  out: z.string().optional(),
  "timeout-ms": z.coerce.number({ error: "--timeout-ms must be a number" }).int().min(100).default(30_000),
  difficulty: z.string().optional(),
});

const pct = (s: GroupScore) => (s.total ? ((100 * s.matched) / s.total).toFixed(2) : "—").padStart(7);

function describeSummary(summary: EvalSummary, metric: string, seconds: number): string {
  const lines = [
    `execution accuracy (${metric}): ${pct(summary.overall).trim()}%  (${summary.overall.matched}/${summary.overall.total} examples with a database)`,
  ];
  for (const g of summary.groups)
    lines.push(`  ${g.group.padEnd(12)} ${pct(g)}%  ${String(g.matched).padStart(5)}/${g.total}`);
  if (summary.missing.length) {
    const dbs = [...new Set(summary.missing.map((m) => m.db_id))].join(", ");
    lines.push(`missing database files: ${summary.missing.length} examples not scored (${dbs})`);
  }
  lines.push(
    `time: ${seconds.toFixed(1)} s; gold results cached: ${summary.goldCache.hits} hits, ${summary.goldCache.misses} executions`,
  );
  return lines.join("\n");
}

export async function runEvalCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: Object.fromEntries(
      ["gold", "pred", "db-root", "metric", "out", "timeout-ms", "difficulty"].map((k) => [
        k,
        { type: "string" as const },
      ]),
    ),
  });
  if (positionals.length)
    throw new UsageError(`unexpected argument "${positionals[0]}" (sense eval takes only --flags)`);
  const flags = evalFlagsSchema.safeParse(values);
  if (!flags.success) throw new UsageError(flags.error.issues.map((i) => i.message).join("; "));
  const f = flags.data;
  const gold = readGoldFile(path.resolve(f.gold));
  const predictions = readPredictionFile(path.resolve(f.pred), gold.length);
  const difficulties = f.difficulty ? readDifficultyFile(path.resolve(f.difficulty), gold.length) : undefined;
  if (!fs.existsSync(f["db-root"])) throw new UsageError(`--db-root folder not found: ${f["db-root"]}`);
  const pool = new ExecPool();
  const started = performance.now();
  try {
    const summary = await evaluatePredictions({
      gold,
      predictions,
      difficulties,
      dbRoot: path.resolve(f["db-root"]),
      metric: f.metric,
      timeoutMs: f["timeout-ms"],
      pool,
    });
    if (f.out) fs.writeFileSync(f.out, summary.verdicts.map((v) => JSON.stringify(v)).join("\n") + "\n");
    console.log(describeSummary(summary, f.metric, (performance.now() - started) / 1000));
    return 0;
  } finally {
    await pool.close();
  }
}
