// Messages between the execution pool and its child processes, and what they return.

import type { CoincidenceFlag, ErrorClass } from "@/lib/sql/label-checks/label-flags";
/** Interactive work (console, review) has processes that jobs' work (judging, synthesis) cannot take. */
export type Lane = "interactive" | "jobs";

export type RunRequest = {
  type: "run";
  id: number;
  dbFile: string;
  sql: string;
  maxRows: number;
  maxBytes: number;
};
export type Metric = "spider" | "bird";

/** One task to judge: its gold SQL runs once and each candidate is compared with it. */
export type JudgeTask = { dbFile: string; goldSql: string; candidates: string[] };

/** A query of a judge request: a task's gold (candidate -1) or one of its candidates. */
export type JudgeStep = { task: number; candidate: number };

/**
 * Judge several tasks in one round trip, inside the child. A batch resumed after a stopped query
 * starts at `from` (that task's gold runs again, then its candidates from `from.candidate` on) and
 * leaves out the steps in `skip`, whose verdicts the pool has (a skipped gold: its whole task).
 */
export type JudgeRequest = {
  type: "judge";
  id: number;
  tasks: JudgeTask[];
  metric: Metric;
  maxRows: number;
  maxBytes: number;
  from: JudgeStep;
  skip: JudgeStep[];
};

export type ExecRequest = RunRequest | JudgeRequest;

/**
 * limit: the query needed more memory or temporary disk than a process may use; syntax: the SQL does
 * not parse; cancelled: its caller gave it up; engine: the sandbox itself failed (a process stopped
 * or could not start, the pool closed), not the SQL: worth trying again.
 */
export type ExecErrorKind =
  "refused" | "syntax" | "error" | "timeout" | "limit" | "missing_database" | "cancelled" | "engine";

export type ExecSuccess = {
  ok: true;
  columns: string[];
  rows: unknown[][];
  rowCount: number; // rows returned (at most maxRows)
  truncated: boolean; // more rows or bytes existed than the caps allow
  truncatedBy?: "rows" | "bytes"; // which cap, when truncated
  maxRows?: number; // the caps, when truncated
  maxBytes?: number;
  elapsedMs: number;
};

export type ExecFailure = { ok: false; kind: ExecErrorKind; message: string; elapsedMs: number };

export type ExecResult = ExecSuccess | ExecFailure;

/**
 * Why a SQL could not be judged: its execution failed (an ExecErrorKind), its result was past the
 * row or byte cap (too_large), it was empty, or it was never judged (not_judged).
 */
export type JudgeFailureKind = ExecErrorKind | "too_large" | "empty" | "not_judged";

/** A failure in judging, by kind; `message` is its text as stored and shown (a timeout's starts with "timeout: "). */
export type JudgeFailure = { kind: JudgeFailureKind; message: string };

/** A candidate's verdict: match, or why not (its own failure, or the gold's). */
/**
 * A candidate judged: whether it matches, why not, and what the label checks saw in the two results
 * (lib/sql/label-checks/): `flags`, why a match may be a coincidence; `mismatch`, how a result that
 * ran differs from the gold's.
 */
export type CandidateVerdict = {
  match: boolean;
  predError: JudgeFailure | null;
  reason: string;
  flags?: CoincidenceFlag[];
  mismatch?: ErrorClass;
};

export type JudgeResult = {
  goldError: JudgeFailure | null;
  goldCached: boolean;
  verdicts: CandidateVerdict[];
};

/** The answer to a run request; `retire`: the process ends after it (it went past a memory or disk cap). */
export type RunResponse = { id: number; result: ExecResult; retire: boolean };

/**
 * What a judge request has judged, a JSON line on the child's progress pipe: gold results
 * ([task, error, from the cache]) and verdicts ([task, candidate, verdict]) since the last report;
 * `end` on the last one. Apart from these, the child's watchdog names the query that runs and when it
 * started (`started`; candidate -1 is the gold), soon after it starts.
 */
export type JudgeReport = {
  id: number;
  gold: [number, JudgeFailure | null, boolean][];
  verdicts: [number, number, CandidateVerdict][];
  end?: { retire: boolean };
};

/** `cpu`: the process's CPU time (ms) when the query started. */
export type JudgeProgress =
  { started: { id: number; at: number; cpu?: number } & JudgeStep } | { report: JudgeReport };

/** What each execution process may use: memory (SQLite's and JavaScript's) and any one temporary file. */
export type ResourceCaps = { memoryMb: number; tempMb: number };
