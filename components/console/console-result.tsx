"use client";

import { failureLabel } from "@/components/sql/failure-label";
import { ResultTable } from "@/components/sql/result-table";
import type { ConsoleQueryResult } from "@/lib/databases/console/run-console-query";

/** A console run's rows (with why they were cut, if they were) or its error in words. */
export function ConsoleResult({
  result,
  types,
}: {
  result: ConsoleQueryResult;
  types: ReadonlyMap<string, string>;
}) {
  if (!result.ok) {
    return (
      <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-800">
        <span className="font-medium">{failureLabel(result.kind)}:</span> {result.message}
      </p>
    );
  }
  return (
    <section aria-label="Result" className="space-y-2">
      <p role="status" className="text-sm text-slate-600">
        {result.rowCount} {result.rowCount === 1 ? "row" : "rows"} in {result.elapsedMs} ms
        {result.truncation ? ` · ${result.truncation}` : ""}
      </p>
      <ResultTable
        label="Result rows"
        columns={result.columns}
        rows={result.rows}
        types={result.columns.map((c) => types.get(c))}
      />
    </section>
  );
}
