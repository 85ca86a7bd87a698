import { ResultTable } from "@/components/sql/result-table";
import type { DisplayValue } from "@/lib/sql/display-value";

type Result = {
  columns: string[];
  rows: DisplayValue[][];
  rowCount: number;
  truncated: boolean;
  elapsedMs: number;
};

/** An execution result as the queues show it: rows with count and time, or the error in words. */
export function ExecutionResult({
  result,
  error,
  label,
  maxRows = 5,
}: {
  result: Result | null;
  error?: string | null;
  label: string;
  maxRows?: number;
}) {
  if (!result) {
    return (
      <p className="rounded bg-red-50 px-2 py-1 font-mono text-xs text-red-800" aria-label={label}>
        {error ?? "no result"}
      </p>
    );
  }
  const rows = result.rows.slice(0, maxRows);
  return (
    <div>
      <p className="mb-1 text-xs text-slate-500">
        {result.rowCount}
        {result.truncated ? "+" : ""} row{result.rowCount === 1 ? "" : "s"} · {result.elapsedMs} ms
        {rows.length < result.rowCount ? ` · first ${rows.length} shown` : ""}
      </p>
      <ResultTable columns={result.columns} rows={rows} label={label} />
    </div>
  );
}
