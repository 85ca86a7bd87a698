"use client";

import type { EditorView } from "@codemirror/view";
import { useMemo, useRef, useState } from "react";
import { useConsoleSchema, useRunSql } from "@/components/console/console-queries";
import { useQueryHistory } from "@/components/console/query-history";
import { ConsoleSchemaPanel } from "@/components/console/schema-panel";
import { ConsoleResult } from "@/components/console/console-result";
import { QueryHistoryList } from "@/components/console/query-history-list";
import { useDatabases } from "@/components/databases/database-queries";
import { buttonClass, inputClass } from "@/components/shell/form-styles";
import { consoleDefaultDatabase } from "@/lib/databases/console-default";
import { LazySqlEditor } from "@/components/sql/lazy-sql-editor";

const bare = /^[A-Za-z_][A-Za-z0-9_]*$/;
const asName = (name: string) => (bare.test(name) ? name : `"${name.replaceAll('"', '""')}"`);

export function SqlConsole({ initialDatabase, userId }: { initialDatabase?: string; userId: string }) {
  const { data: databases } = useDatabases();
  const runnable = (databases ?? []).filter((d) => d.fileStatus === "ok");
  const [database, setDatabase] = useState(initialDatabase ?? "");
  const [sql, setSql] = useState("SELECT name FROM sqlite_master WHERE type = 'table'");
  const run = useRunSql();
  const [blank, setBlank] = useState(false);
  const [cancelledAfterMs, setCancelledAfterMs] = useState<number | null>(null);
  const startedAt = useRef(0);
  const running = useRef<AbortController | null>(null);
  const editor = useRef<EditorView | null>(null);
  const { history, remember, clear } = useQueryHistory(userId);
  const chosen = database || consoleDefaultDatabase(runnable)?.name || "";
  const schema = useConsoleSchema(chosen);
  const completion = useMemo(
    () => Object.fromEntries((schema.data?.tables ?? []).map((t) => [t.name, t.columns.map((c) => c.name)])),
    [schema.data],
  );
  const types = useMemo(
    () =>
      new Map((schema.data?.tables ?? []).flatMap((t) => t.columns.map((c) => [c.name, c.type] as const))),
    [schema.data],
  );

  const submit = () => {
    if (!chosen || run.isPending) return;
    // a blank query runs nothing: say so, and do not leave the last result standing as if it were its
    setBlank(!sql.trim());
    if (!sql.trim()) {
      setCancelledAfterMs(null);
      return run.reset();
    }
    remember(sql);
    setCancelledAfterMs(null);
    startedAt.current = performance.now();
    const controller = new AbortController();
    running.current = controller;
    run.mutate({ database: chosen, sql, signal: controller.signal });
  };
  const cancel = () => {
    running.current?.abort(); // the server stops the query's process when the request goes away
    running.current = null;
    run.reset();
    // the result area says what became of the query rather than going blank
    setCancelledAfterMs(Math.round(performance.now() - startedAt.current));
  };
  const insert = (name: string) => {
    const view = editor.current;
    if (!view) return;
    view.dispatch(view.state.replaceSelection(asName(name)));
    view.focus();
  };
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[14rem_minmax(0,1fr)]">
      <ConsoleSchemaPanel schema={schema.data} loading={schema.isPending && !!chosen} onInsert={insert} />
      <div className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-xs text-slate-600">
            Database
            <select
              aria-label="Database"
              value={chosen}
              onChange={(e) => setDatabase(e.target.value)}
              className={inputClass}
            >
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
          {run.isPending ? (
            <button
              type="button"
              onClick={cancel}
              className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm text-red-800"
            >
              Cancel
            </button>
          ) : null}
          <span className="text-xs text-slate-500">
            Ctrl+Enter runs. Read-only, time-limited, at most the configured number of rows.
          </span>
        </div>
        <LazySqlEditor
          label="SQL"
          value={sql}
          onChange={setSql}
          onSubmit={submit}
          schema={completion}
          viewRef={editor}
        />
        {blank ? (
          <p role="alert" className="text-sm text-red-700">
            Type a query to run.
          </p>
        ) : null}
        {run.error && run.error.name !== "AbortError" ? (
          <p role="alert" className="text-sm text-red-700">
            {run.error.message}
          </p>
        ) : null}
        {run.data ? <ConsoleResult result={run.data} types={types} /> : null}
        {cancelledAfterMs !== null && !run.data && !run.isPending ? (
          <p role="status" className="text-sm text-slate-600">
            Cancelled after {cancelledAfterMs} ms.
          </p>
        ) : null}
        <QueryHistoryList history={history} onPick={setSql} onClear={clear} />
      </div>
    </div>
  );
}
