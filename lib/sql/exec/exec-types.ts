// Messages between the execution pool and its child processes, and what they return.

export type RunRequest = { type: "run"; id: number; dbFile: string; sql: string; maxRows: number; maxBytes: number };
export type Metric = "spider" | "bird";

/** One task to judge: its gold SQL runs once and each candidate is compared with it. */
export type JudgeTask = { dbFile: string; goldSql: string; candidates: string[] };

/** Judge several tasks in one round trip, inside the child. */
export type JudgeRequest = {
  type: "judge";
  id: number;
  tasks: JudgeTask[];
  metric: "spider" | "bird";
  maxRows: number;
  maxBytes: number;
};

export type ExecRequest = RunRequest | JudgeRequest;

export type ExecErrorKind = "refused" | "error" | "timeout" | "missing_database";

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

export type ExecResponse = { id: number; result: ExecResult | JudgeResult[] };
