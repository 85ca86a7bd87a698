"use client";

import { useAuditLog } from "@/components/audit/audit-queries";
import { TableHead } from "@/components/shell/table-head";

export function AuditTable() {
  const { data, error } = useAuditLog();
  if (error) return <p role="alert" className="text-sm text-red-700">{error.message}</p>;
  return (
    <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" aria-label="Audit log">
      <TableHead columns={["When", "Who", "Via", "Action", "Target", "Detail"]} />
      <tbody>
        {data?.entries.map((e) => (
          <tr key={e.id} className="border-t border-slate-100">
            <td className="whitespace-nowrap px-3 py-1.5 text-xs">{new Date(e.at).toLocaleString()}</td>
            <td className="px-3 py-1.5" title={e.whoEmail ?? undefined}>{e.who ?? "system"}</td>
            <td className="px-3 py-1.5 text-xs">{e.via}</td>
            <td className="px-3 py-1.5 font-mono text-xs">{e.action}</td>
            <td className="px-3 py-1.5 font-mono text-xs">{e.target}</td>
            <td className="max-w-xs truncate px-3 py-1.5 font-mono text-xs text-slate-500" title={e.detail}>{e.detail === "{}" ? "" : e.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
