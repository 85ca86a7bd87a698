// Judging candidates against a gold SQL: the gold runs once (or comes from the cache), each
// candidate runs, results are compared with the chosen benchmark semantics. Each step is reported
// as it happens, so that the pool can time every query on its own and keep what was judged when a
// query has to be stopped.
import { compareResults } from "@/lib/sql/compare-results";
import { coincidenceFlags } from "@/lib/sql/label-checks/coincidence-flags";
import { mismatchClass } from "@/lib/sql/label-checks/error-class";
import { hasDuplicateRows } from "@/lib/sql/label-checks/row-bags";
import { stripDistinctForSpider } from "@/lib/sql/spider-sql-rewrite";
import type {
  CandidateVerdict,
  ExecFailure,
  ExecResult,
  JudgeFailure,
  JudgeTask,
  JudgeResult,
  Metric,
} from "@/lib/sql/exec/exec-types";

/** An execution failure as a judging failure: its kind, and its words as stored (a timeout's say so first). */
export function judgeFailure(failure: ExecFailure): JudgeFailure {
  return {
    kind: failure.kind,
    message: failure.kind === "timeout" ? `timeout: ${failure.message}` : failure.message,
  };
}

export const TOO_LARGE: JudgeFailure = { kind: "too_large", message: "result too large to compare" };

/** Why a result cannot be compared, or null when it can. */
export function describeFailure(result: ExecResult): JudgeFailure | null {
  if (result.ok) return result.truncated ? TOO_LARGE : null;
  return judgeFailure(result);
}

/** Compares a candidate's result with the gold result (already run), giving a verdict. */
export function verdictFor(
  gold: ExecResult,
  pred: ExecResult,
  goldSql: string,
  metric: Metric,
): CandidateVerdict {
  const predError = describeFailure(pred);
  const goldError = describeFailure(gold);
  if (predError) return { match: false, predError, reason: "the prediction failed" };
  if (goldError || !gold.ok || !pred.ok) return GOLD_FAILED;
  const outcome = compareResults({ gold: { rows: gold.rows }, pred: { rows: pred.rows }, goldSql, metric });
  if (!outcome.match)
    return {
      match: false,
      predError: null,
      reason: outcome.reason,
      mismatch: mismatchClass(gold.rows, pred.rows, metric),
    };
  const flags = coincidenceFlags(gold.rows, pred.rows, metric);
  return { match: true, predError: null, reason: outcome.reason, ...(flags.length ? { flags } : {}) };
}

/** The SQL as the benchmark's runner executes it (Spider removes DISTINCT from both queries). */
export function sqlForMetric(sql: string, metric: Metric): string {
  return metric === "spider" ? stripDistinctForSpider(sql) : sql;
}

export const GOLD_FAILED: CandidateVerdict = { match: false, predError: null, reason: "the gold SQL failed" };
const EMPTY: CandidateVerdict = {
  match: false,
  predError: { kind: "empty", message: "empty prediction" },
  reason: "the prediction is empty",
};

/** A task whose gold cannot run at all (e.g. its database file is missing). */
export function failedGold(task: JudgeTask, failure: JudgeFailure): JudgeResult {
  return { goldError: failure, goldCached: false, verdicts: task.candidates.map(() => GOLD_FAILED) };
}

/** What judging reports as it goes: a query starts (candidate -1: the gold), the gold's result is known, a verdict is ready. */
export type JudgeSteps = {
  starting(candidate: number): void;
  gold(result: ExecResult, cached: boolean): void;
  verdict(candidate: number, verdict: CandidateVerdict): void;
};

/** Judges the candidates of `task` from `fromCandidate` on, leaving out the `skipped` ones; `run` executes one SQL. */
export function judgeCandidates(
  task: JudgeTask,
  metric: Metric,
  fromCandidate: number,
  skipped: (candidate: number) => boolean,
  run: (sql: string) => ExecResult,
  goldFromCache: (run: () => ExecResult) => { result: ExecResult; cached: boolean },
  report: JudgeSteps,
): void {
  const runForMetric = (sql: string) => run(sqlForMetric(sql, metric));
  const gold = goldFromCache(() => {
    report.starting(-1);
    return runForMetric(task.goldSql);
  });
  // Spider's evaluator removes DISTINCT before running both: a match whose results (as run, without
  // it) hold duplicate rows might not hold with it, and is flagged. Read from the results already
  // there, with no query of its own (an extra query would count against the candidate's time limit).
  const goldWithoutDistinct = sqlForMetric(task.goldSql, metric) !== task.goldSql;
  const withDistinctCheck = (
    candidate: string,
    verdict: CandidateVerdict,
    pred: ExecResult,
  ): CandidateVerdict => {
    if (!verdict.match || metric !== "spider" || !gold.result.ok || !pred.ok) return verdict;
    if (!goldWithoutDistinct && sqlForMetric(candidate, metric) === candidate) return verdict;
    if (!hasDuplicateRows(gold.result.rows) && !hasDuplicateRows(pred.rows)) return verdict;
    return { ...verdict, flags: [...(verdict.flags ?? []), "equal_only_as_sets"] };
  };
  report.gold(gold.result, gold.cached);
  for (let c = fromCandidate; c < task.candidates.length; c++) {
    if (skipped(c)) continue;
    const candidate = task.candidates[c]!;
    if (!candidate.trim()) {
      report.verdict(c, EMPTY);
      continue;
    }
    report.starting(c);
    const pred = runForMetric(candidate);
    report.verdict(
      c,
      withDistinctCheck(candidate, verdictFor(gold.result, pred, task.goldSql, metric), pred),
    );
  }
}
