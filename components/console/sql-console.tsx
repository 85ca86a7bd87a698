"use client";

import { useState } from "react";
import { useRunSql } from "@/components/console/console-queries";
import { useDatabases } from "@/components/databases/database-queries";
import { buttonClass, inputClass } from "@/components/shell/form-styles";
import { ResultTable } from "@/components/sql/result-table";
import { SqlEditor } from "@/components/sql/sql-editor";
import { failureLabel } from "@/components/sql/failure-label";

export function SqlConsole({ initialDatabase }: { initialDatabase?: string }) {
  const { data: databases } = useDatabases();
  const runnable = (databases ?? []).filter((d) => d.fileStatus === "ok");
  const [database, setDatabase] = useState(initialDatabase ?? "");
  const [sql, setSql] = useState("SELECT name FROM sqlite_master WHERE type = 'table'");
  const run = useRunSql();
  const [blank, setBlank] = useState(false);
  const chosen = database || runnable[0]?.name || "";
  const submit = () => {
    if (!chosen) return;
    // a blank query runs nothing: say so, and do not leave the last result standing as if it were its
    setBlank(!sql.trim());
    if (!sql.trim()) run.reset();
    else run.mutate({ database: chosen, sql });
  };
  const result = run.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-xs text-slate-600">
          Database
          <select aria-label="Database" value={chosen} onChange={(e) => setDatabase(e.target.value)} className={inputClass}>
            {runnable.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={submit} className={buttonClass} disabled={run.isPending || !chosen}>
          {run.isPending ? "Running…" : "Run"}
        </button>
        <span className="text-xs text-slate-500">Ctrl+Enter runs. Read-only, time-limited, at most the configured number of rows.</span>
      </div>
      <SqlEditor label="SQL" value={sql} onChange={setSql} onSubmit={submit} />
      {blank ? (
        <p role="alert" className="text-sm text-red-700">
          Type a query to run.
        </p>
      ) : null}
      {run.error ? (
        <p role="alert" className="text-sm text-red-700">
          {run.error.message}
        </p>
      ) : null}
      {result && !result.ok ? (
        <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-800">
          <span className="font-medium">{failureLabel(result.kind)}:</span> {result.message}
        </p>
      ) : null}
      {result?.ok ? (
        <section aria-label="Result" className="space-y-2">
          <p role="status" className="text-sm text-slate-600">
            {result.rowCount} {result.rowCount === 1 ? "row" : "rows"} in {result.elapsedMs} ms
            {result.truncation ? ` · ${result.truncation}` : ""}
          </p>
          <ResultTable label="Result rows" columns={result.columns} rows={result.rows} />
        </section>
      ) : null}
    </div>
  );
}

