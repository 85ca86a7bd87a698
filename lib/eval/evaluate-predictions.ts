import "server-only";
import fs from "node:fs";
import path from "node:path";
import { compareResults, stripDistinctForSpider } from "@/lib/sql/compare-results";
import type { ExecPool } from "@/lib/sql/exec/exec-pool";
import type { ExecResult } from "@/lib/sql/exec/exec-types";
import { GoldResultCache } from "@/lib/sql/exec/gold-result-cache";
import { spiderHardness } from "@/lib/sql/spider-hardness";
import type { GoldExample } from "@/lib/eval/eval-inputs";

export type EvalMetric = "spider" | "bird";

export type Verdict = {
  i: number;
  db_id: string;
  exec_match: boolean;
  pred_error: string | null;
  gold_error: string | null;
};

export type EvalInput = {
  gold: GoldExample[];
  predictions: string[];
  dbRoot: string;
  metric: EvalMetric;
  timeoutMs: number;
  pool: ExecPool;
  difficulties?: string[]; // BIRD: per example, in gold order
};

export type GroupScore = { group: string; matched: number; total: number };

export type EvalSummary = {
  verdicts: Verdict[];
  missing: { i: number; db_id: string }[]; // examples whose database file is absent
  overall: GroupScore;
  groups: GroupScore[];
  goldCache: { hits: number; misses: number };
};

// Full results are needed to compare; these caps only guard memory against pathological SQL.
const EVAL_LIMITS = { maxRows: 2_000_000, maxBytes: 1024 * 1024 * 1024 };
const SPIDER_GROUPS = ["easy", "medium", "hard", "extra"];

function describeFailure(result: ExecResult): string | null {
  if (result.ok) return result.truncated ? "result too large to compare" : null;
  return result.kind === "timeout" ? `timeout: ${result.message}` : result.message;
}

/** Scores predictions against gold by execution, the way the official Spider / BIRD evaluators do. */
export async function evaluatePredictions(input: EvalInput): Promise<EvalSummary> {
  const cache = new GoldResultCache(input.pool);
  const options = { timeoutMs: input.timeoutMs, ...EVAL_LIMITS };
  const prepare = (sql: string) => (input.metric === "spider" ? stripDistinctForSpider(sql) : sql);
  const verdicts: Verdict[] = new Array(input.gold.length);
  const missing: EvalSummary["missing"] = [];

  const judge = async (example: GoldExample): Promise<void> => {
    const dbFile = path.join(input.dbRoot, example.dbId, `${example.dbId}.sqlite`);
    const base = { i: example.i, db_id: example.dbId };
    if (!fs.existsSync(dbFile)) {
      missing.push(base);
      verdicts[example.i] = { ...base, exec_match: false, pred_error: null, gold_error: `database file missing: ${dbFile}` };
      return;
    }
    const predSql = input.predictions[example.i] ?? "";
    const [gold, pred] = await Promise.all([
      cache.run(dbFile, prepare(example.sql), options),
      predSql ? input.pool.run(dbFile, prepare(predSql), options) : Promise.resolve<ExecResult>({ ok: false, kind: "error", message: "empty prediction", elapsedMs: 0 }),
    ]);
    const goldError = describeFailure(gold);
    const predError = describeFailure(pred);
    const match =
      !goldError && !predError && gold.ok && pred.ok
        ? compareResults({ gold: { rows: gold.rows }, pred: { rows: pred.rows }, goldSql: example.sql, metric: input.metric }).match
        : false;
    verdicts[example.i] = { ...base, exec_match: match, pred_error: predError, gold_error: goldError };
  };

  const queue = [...input.gold];
  const workers = Array.from({ length: input.pool.size * 2 }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await judge(next);
  });
  await Promise.all(workers);

  const missingSet = new Set(missing.map((m) => m.i));
  const scored = input.gold.filter((g) => !missingSet.has(g.i));
  const groupOf = (g: GoldExample): string => {
    if (input.difficulties) return input.difficulties[g.i] ?? "unknown";
    if (input.metric !== "spider") return "all";
    try {
      return spiderHardness(g.sql);
    } catch {
      return "unparsed";
    }
  };
  const byGroup = new Map<string, GroupScore>();
  for (const g of scored) {
    const name = groupOf(g);
    const score = byGroup.get(name) ?? { group: name, matched: 0, total: 0 };
    score.total++;
    if (verdicts[g.i]?.exec_match) score.matched++;
    byGroup.set(name, score);
  }
  const order = (name: string) => (SPIDER_GROUPS.indexOf(name) + 1 || 99);
  return {
    verdicts,
    missing: missing.sort((a, b) => a.i - b.i),
    overall: { group: "all", matched: scored.filter((g) => verdicts[g.i]?.exec_match).length, total: scored.length },
    groups: [...byGroup.values()].sort((a, b) => order(a.group) - order(b.group) || a.group.localeCompare(b.group)),
    goldCache: { hits: cache.hits, misses: cache.misses },
  };
}
