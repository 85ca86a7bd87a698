"use client";

import { useRunSql } from "@/components/console/console-queries";
import { buttonClass } from "@/components/shell/form-styles";
import { ResultTable } from "@/components/sql/result-table";

/** Runs a task's gold SQL through the read-only sandbox (POST /api/sql/run, the console's route) and shows its rows. */
export function RunGoldSql({
  database,
  sql,
  runnable,
}: {
  database: string;
  sql: string;
  runnable: boolean;
}) {
  const run = useRunSql();
  const result = run.data;
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={buttonClass}
        disabled={!runnable || run.isPending}
        onClick={() => run.mutate({ database, sql })}
        title={runnable ? undefined : `${database} has no database file to run SQL on`}
      >
        {run.isPending ? "Running…" : "Run gold SQL"}
      </button>
      {!runnable ? (
        <p className="text-sm text-amber-800">{database} has no database file, so the gold SQL cannot run.</p>
      ) : null}
      {run.error ? (
        <p role="alert" className="text-sm text-red-700">
          {run.error.message}
        </p>
      ) : null}
      {result && !result.ok ? (
        <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-800">
          <span className="font-medium">
            {result.kind === "timeout" ? "Timed out" : result.kind === "refused" ? "Refused" : "Error"}:
          </span>{" "}
          {result.message}
        </p>
      ) : null}
      {result?.ok ? (
        <section aria-label="Gold SQL result" className="space-y-2">
          <p role="status" className="text-sm text-slate-600">
            {result.rowCount} {result.rowCount === 1 ? "row" : "rows"} in {result.elapsedMs} ms
            {result.truncated ? ` · truncated: only the first ${result.rowCount} rows are shown` : ""}
          </p>
          <ResultTable label="Gold SQL rows" columns={result.columns} rows={result.rows} />
        </section>
      ) : null}
    </div>
  );
}
