// Messages between the execution pool and its child processes, and what a run returns.

export type ExecRequest = {
  id: number;
  dbFile: string;
  sql: string;
  maxRows: number;
  maxBytes: number;
};

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

export type ExecResponse = { id: number; result: ExecResult };
