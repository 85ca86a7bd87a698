"use client";

import { useAuditLog } from "@/components/audit/audit-queries";
import { TableHead } from "@/components/shell/table-head";
import { DateTime } from "@/components/shell/date-time";

export function AuditTable() {
  const { data, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useAuditLog();
  if (error) return <p role="alert" className="text-sm text-red-700">{error.message}</p>;
  const entries = data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" aria-label="Audit log">
        <TableHead columns={["When", "Who", "Via", "Action", "Target", "Detail"]} />
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-slate-100">
              <td className="whitespace-nowrap px-3 py-1.5 text-xs"><DateTime at={e.at} seconds /></td>
              <td className="px-3 py-1.5" title={e.whoEmail ?? undefined}>{e.who ?? "system"}</td>
              <td className="px-3 py-1.5 text-xs">{e.via}</td>
              <td className="px-3 py-1.5 font-mono text-xs">{e.action}</td>
              <td className="px-3 py-1.5 font-mono text-xs">{e.target}</td>
              <td className="max-w-xs truncate px-3 py-1.5 font-mono text-xs text-slate-500" title={e.detail}>{e.detail === "{}" ? "" : e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hasNextPage ? (
        <button type="button" className="mt-3 rounded border border-slate-300 bg-white px-3 py-1 text-sm disabled:opacity-50" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {isFetchingNextPage ? "Loading…" : "Older entries"}
        </button>
      ) : null}
    </>
  );
}
