import { ResultTable } from "@/components/sql/result-table";
import { SqlRunsPre } from "@/components/sql/sql-runs-pre";
import type { SqlSide } from "@/lib/review/read-review-item";

/** One SQL with what it returned: formatted and highlighted (on the server: read-review-item.ts), then rows (paged) or the error in words. */
export function SqlSideView({ side, label }: { side: SqlSide; label: string }) {
  const r = side.result;
  return (
    <div className="space-y-2">
      <SqlRunsPre runs={side.highlighted} label={`${label} SQL`} />
      {r.ok ? (
        <div>
          <p
            className="mb-1 text-xs text-slate-500"
            data-testid={`${label.toLowerCase().replace(/\s+/g, "-")}-summary`}
          >
            {r.rowCount}
            {r.truncated ? "+" : ""} row{r.rowCount === 1 ? "" : "s"} · {r.elapsedMs} ms
          </p>
          <ResultTable columns={r.columns} rows={r.rows} label={`${label} result`} visibleRows={10} />
        </div>
      ) : (
        <p
          role="note"
          aria-label={`${label} error`}
          className="rounded bg-red-50 px-3 py-2 font-mono text-xs text-red-800"
        >
          {r.message}
        </p>
      )}
    </div>
  );
}
