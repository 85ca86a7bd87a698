import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { ExecPool } from "@/lib/sql/exec/exec-pool";
import { chunk } from "@/lib/util/chunk";
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

// Full results are needed to compare; these caps only guard memory against pathological SQL (a
// result past them is "too large to compare"; the process's own memory cap, SENSE_SQL_MEMORY_MB, is above them).
const EVAL_LIMITS = { maxRows: 2_000_000, maxBytes: 96 * 1024 * 1024 };
const SPIDER_GROUPS = ["easy", "medium", "hard", "extra"];
const JUDGE_BATCH = 32; // tasks per round trip to an execution process, at most

/** Scores predictions against gold by execution, the way the official Spider / BIRD evaluators do. */
export async function evaluatePredictions(input: EvalInput): Promise<EvalSummary> {
  // each query has its own limit: a runaway prediction costs timeoutMs once, whatever its batch
  const options = { timeoutMs: input.timeoutMs, ...EVAL_LIMITS, lane: "jobs" as const };
  const verdicts: Verdict[] = new Array(input.gold.length);
  const missing: EvalSummary["missing"] = [];
  const goldCache = { hits: 0, misses: 0 };

  const present: { example: GoldExample; dbFile: string }[] = [];
  for (const example of input.gold) {
    const dbFile = path.join(input.dbRoot, example.dbId, `${example.dbId}.sqlite`);
    if (fs.existsSync(dbFile)) present.push({ example, dbFile });
    else {
      missing.push({ i: example.i, db_id: example.dbId });
      verdicts[example.i] = {
        i: example.i,
        db_id: example.dbId,
        exec_match: false,
        pred_error: null,
        gold_error: `database file missing: ${dbFile}`,
      };
    }
  }
  // batches of at most JUDGE_BATCH, as many as a multiple of the processes, so that they share the work evenly
  const rounds = Math.max(1, Math.ceil(present.length / (input.pool.size * JUDGE_BATCH)));
  const batches = chunk(present, Math.max(1, Math.ceil(present.length / (input.pool.size * rounds))));
  const judgeBatch = async (batch: typeof present) => {
    const tasks = batch.map(({ example, dbFile }) => ({
      dbFile,
      goldSql: example.sql,
      candidates: [input.predictions[example.i] ?? ""],
    }));
    const results = await input.pool.judge(tasks, input.metric, options);
    batch.forEach(({ example }, k) => {
      const judged = results[k];
      const verdict = judged?.verdicts[0];
      goldCache[judged?.goldCached ? "hits" : "misses"]++;
      verdicts[example.i] = {
        i: example.i,
        db_id: example.dbId,
        exec_match: verdict?.match ?? false,
        pred_error: verdict?.predError?.message ?? null,
        gold_error: judged ? (judged.goldError?.message ?? null) : "not judged",
      };
    });
  };
  await Promise.all(
    Array.from({ length: input.pool.size * 2 }, async () => {
      for (let next = batches.shift(); next; next = batches.shift()) await judgeBatch(next);
    }),
  );

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
  const order = (name: string) => SPIDER_GROUPS.indexOf(name) + 1 || 99;
  return {
    verdicts,
    missing: missing.sort((a, b) => a.i - b.i),
    overall: {
      group: "all",
      matched: scored.filter((g) => verdicts[g.i]?.exec_match).length,
      total: scored.length,
    },
    groups: [...byGroup.values()].sort(
      (a, b) => order(a.group) - order(b.group) || a.group.localeCompare(b.group),
    ),
    goldCache,
  };
}
