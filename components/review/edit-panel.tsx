"use client";

import { useMemo, useState } from "react";
import { useRunSql } from "@/components/console/console-queries";
import { Kbd } from "@/components/review/kbd";
import { buttonClass, inputClass } from "@/components/shell/form-styles";
import { ResultTable } from "@/components/sql/result-table";
import { LazySqlEditor } from "@/components/sql/lazy-sql-editor";
import { failureLabel } from "@/components/sql/failure-label";
import type { ReviewItemView } from "@/lib/review/read-review-item";

type Save = { sql: string; question?: string };

/**
 * Edits the SQL (and, for a sample, the question). The edit is executed with Ctrl+Enter and can be
 * saved with Ctrl+S only once the text as it stands has run without error; the server runs it again.
 */
export function EditPanel({
  item,
  saving,
  error,
  onSave,
  onCancel,
}: {
  item: ReviewItemView;
  saving: boolean;
  error: Error | null;
  onSave: (edit: Save) => void;
  onCancel: () => void;
}) {
  const start = item.queue === "sft" ? (item.edited?.sql ?? item.side.sql) : item.chosen.sql;
  const [sql, setSql] = useState(start);
  const [question, setQuestion] = useState(
    item.queue === "sft" ? (item.edited?.question ?? item.question) : "",
  );
  const run = useRunSql();
  const ranOk = run.data?.ok === true && run.variables?.sql === sql;
  const schema = useMemo(
    () => Object.fromEntries(item.tables.map((t) => [t.name, t.columns.map((c) => c.name)])),
    [item.tables],
  );
  const execute = () => sql.trim() && run.mutate({ database: item.database, sql });
  const save = () => ranOk && onSave(item.queue === "sft" ? { sql, question } : { sql });
  const result = run.data;
  return (
    <section
      aria-label="Edit"
      className="space-y-2 rounded-lg border border-sky-200 bg-sky-50 p-4"
      onKeyDown={(e) => e.stopPropagation()}
    >
      <h3 className="font-medium text-sky-900">
        {item.queue === "sft" ? "Edit the sample" : "Replace the chosen side"}
      </h3>
      {item.queue === "sft" ? (
        <label className="flex flex-col text-xs text-slate-600">
          Question
          <input
            aria-label="Edited question"
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && onCancel()}
            className={`${inputClass} w-full`}
          />
        </label>
      ) : null}
      <LazySqlEditor
        label="SQL being edited"
        value={sql}
        onChange={setSql}
        onSubmit={execute}
        onSave={save}
        onEscape={onCancel}
        schema={schema}
        autoFocus
      />
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm"
          onClick={execute}
          disabled={run.isPending}
        >
          Run <Kbd>Ctrl+Enter</Kbd>
        </button>
        <button
          type="button"
          className={buttonClass}
          onClick={save}
          disabled={!ranOk || saving}
          title={ranOk ? undefined : "Run the SQL as it stands first"}
        >
          Save <Kbd>Ctrl+S</Kbd>
        </button>
        <button type="button" className="text-sm underline" onClick={onCancel}>
          Cancel <Kbd>Esc</Kbd>
        </button>
        {!ranOk ? (
          <span className="text-xs text-slate-600">Run the SQL as it stands before saving.</span>
        ) : null}
      </div>
      {result && !result.ok ? (
        <p role="alert" className="rounded bg-red-100 p-2 text-sm text-red-800">
          {failureLabel(result.kind)}: {result.message}
        </p>
      ) : null}
      {result?.ok ? (
        <div>
          <p role="status" className="mb-1 text-xs text-slate-600">
            Ran: {result.rowCount} row{result.rowCount === 1 ? "" : "s"} in {result.elapsedMs} ms
          </p>
          <ResultTable columns={result.columns} rows={result.rows} label="Edited result" />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error.message}
        </p>
      ) : null}
    </section>
  );
}
