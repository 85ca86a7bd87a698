// Judging candidates against a gold SQL on one open database: the gold runs once (or comes from
// the cache), each candidate runs, results are compared with the chosen benchmark semantics.
import type Database from "better-sqlite3";
import { compareResults } from "@/lib/sql/compare-results";
import { stripDistinctForSpider } from "@/lib/sql/spider-sql-rewrite";
import { runReadOnlyQuery } from "@/lib/sql/exec/run-read-only-query";
import type { CandidateVerdict, ExecResult, JudgeTask, JudgeResult, Metric } from "@/lib/sql/exec/exec-types";

/** Why a result cannot be compared, in words, or null when it can. */
export function describeFailure(result: ExecResult): string | null {
  if (result.ok) return result.truncated ? "result too large to compare" : null;
  return result.kind === "timeout" ? `timeout: ${result.message}` : result.message;
}

/** Compares a candidate's result with the gold result (already run), giving a verdict. */
export function verdictFor(gold: ExecResult, pred: ExecResult, goldSql: string, metric: Metric): CandidateVerdict {
  const predError = describeFailure(pred);
  const goldError = describeFailure(gold);
  if (predError) return { match: false, predError, reason: "the prediction failed" };
  if (goldError || !gold.ok || !pred.ok) return { match: false, predError: null, reason: "the gold SQL failed" };
  const outcome = compareResults({ gold: { rows: gold.rows }, pred: { rows: pred.rows }, goldSql, metric });
  return { match: outcome.match, predError: null, reason: outcome.reason };
}

/** The SQL as the benchmark's runner executes it (Spider removes DISTINCT from both queries). */
export function sqlForMetric(sql: string, metric: Metric): string {
  return metric === "spider" ? stripDistinctForSpider(sql) : sql;
}

export type JudgeLimits = { metric: Metric; maxRows: number; maxBytes: number };

/** A task whose gold cannot run at all (e.g. its database file is missing). */
export function failedGold(task: JudgeTask, message: string): JudgeResult {
  return { goldError: message, goldCached: false, verdicts: task.candidates.map(() => ({ match: false, predError: null, reason: "the gold SQL failed" })) };
}

export function judgeCandidates(
  db: Database.Database,
  task: JudgeTask,
  limits: JudgeLimits,
  goldFromCache: (run: () => ExecResult) => { result: ExecResult; cached: boolean },
): JudgeResult {
  const run = (sql: string) => runReadOnlyQuery(db, sqlForMetric(sql, limits.metric), limits.maxRows, limits.maxBytes);
  const gold = goldFromCache(() => run(task.goldSql));
  const verdicts = task.candidates.map((candidate) =>
    candidate.trim()
      ? verdictFor(gold.result, run(candidate), task.goldSql, limits.metric)
      : { match: false, predError: "empty prediction", reason: "the prediction is empty" },
  );
  return { goldError: describeFailure(gold.result), goldCached: gold.cached, verdicts };
}
