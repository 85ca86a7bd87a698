"use client";

import { useState } from "react";
import type { DisplayValue } from "@/lib/sql/display-value";

/** Query rows, paged in the browser (the server already capped how many were sent). */
export function ResultTable({ columns, rows, label, pageSize: PAGE = 50 }: { columns: string[]; rows: DisplayValue[][]; label: string; pageSize?: number }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages - 1);
  return (
    <div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" aria-label={label}>
          <thead className="bg-slate-100 text-left text-xs text-slate-600">
            <tr>
              {columns.map((c, i) => (
                <th key={i} className="px-3 py-2 font-mono font-medium">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(current * PAGE, current * PAGE + PAGE).map((row, i) => (
              <tr key={i} className="border-t border-slate-100">
                {row.map((v, j) => (
                  <td key={j} className="max-w-96 truncate px-3 py-1 font-mono text-xs">
                    {v === null ? <span className="text-slate-400">NULL</span> : String(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Result pages" className="mt-2 flex items-center gap-3 text-sm">
          <button type="button" className="rounded border px-2 py-1 disabled:opacity-40" disabled={current === 0} onClick={() => setPage(current - 1)}>
            ← Previous
          </button>
          <span>
            Rows {current * PAGE + 1}–{Math.min(rows.length, current * PAGE + PAGE)} of {rows.length}
          </span>
          <button type="button" className="rounded border px-2 py-1 disabled:opacity-40" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Next →
          </button>
        </nav>
      ) : null}
    </div>
  );
}
