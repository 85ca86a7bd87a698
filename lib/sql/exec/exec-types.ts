// Messages between the execution pool and its child processes, and what they return.

/** Interactive work (console, review) has processes that jobs' work (judging, synthesis) cannot take. */
export type Lane = "interactive" | "jobs";

export type RunRequest = { type: "run"; id: number; dbFile: string; sql: string; maxRows: number; maxBytes: number };
export type Metric = "spider" | "bird";

/** One task to judge: its gold SQL runs once and each candidate is compared with it. */
export type JudgeTask = { dbFile: string; goldSql: string; candidates: string[] };

/** A query of a judge request: a task's gold (candidate -1) or one of its candidates. */
export type JudgeStep = { task: number; candidate: number };

/** Judge several tasks in one round trip, inside the child, from `from` on (a request resumed after a stopped query). */
export type JudgeRequest = {
  type: "judge";
  id: number;
  tasks: JudgeTask[];
  metric: Metric;
  maxRows: number;
  maxBytes: number;
  from: JudgeStep;
};

export type ExecRequest = RunRequest | JudgeRequest;

/** limit: the query needed more memory or temporary disk than a process may use. */
export type ExecErrorKind = "refused" | "error" | "timeout" | "limit" | "missing_database";

export type ExecSuccess = {
  ok: true;
  columns: string[];
  rows: unknown[][];
  rowCount: number; // rows returned (at most maxRows)
  truncated: boolean; // more rows or bytes existed than the caps allow
  elapsedMs: number;
};

export type ExecFailure = { ok: false; kind: ExecErrorKind; message: string; elapsedMs: number };

export type ExecResult = ExecSuccess | ExecFailure;

/** A candidate's verdict: match, or why not (its own error, or the gold's). */
export type CandidateVerdict = { match: boolean; predError: string | null; reason: string };

export type JudgeResult = { goldError: string | null; goldCached: boolean; verdicts: CandidateVerdict[] };

/** The answer to a run request; `retire`: the process ends after it (it went past a memory or disk cap). */
export type RunResponse = { id: number; result: ExecResult; retire: boolean };

/**
 * A judge request's progress, one JSON line each on the child's progress pipe: a query starts
 * (its time limit counts from here), a gold result or a verdict is ready, the request is over.
 */
export type JudgeLine =
  | ["start", number, number, number] // id, task, candidate (-1: the gold)
  | ["gold", number, number, string | null, boolean] // id, task, gold error, from the cache
  | ["verdict", number, number, number, CandidateVerdict] // id, task, candidate, verdict
  | ["end", number, boolean]; // id, retire

/** What each execution process may use: memory (SQLite's and JavaScript's) and any one temporary file. */
export type ResourceCaps = { memoryMb: number; tempMb: number };
