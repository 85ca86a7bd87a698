"use client";

import Link from "next/link";
import { StatusBadge } from "@/components/shell/status-badge";
import { TableHead } from "@/components/shell/table-head";
import { useDatabases } from "@/components/databases/database-queries";
import { TableFrame } from "@/components/shell/table-frame";

function formatBytes(bytes: number | null): string {
  if (bytes === null) return "—";
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function DatabasesTable() {
  const { data, error, isPending } = useDatabases();
  if (isPending) return <p className="text-sm text-slate-500">Loading databases…</p>;
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        Could not load databases: {error.message}
      </p>
    );
  if (!data.length)
    return (
      <p className="text-sm text-slate-600">
        No databases yet. Upload a SQLite file or import a benchmark below.
      </p>
    );
  return (
    <TableFrame>
      <table
        className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm"
        aria-label="Databases"
      >
        <TableHead columns={["Name", "File", "Tables>", "Tasks>", "Size>", "Source"]} />
        <tbody>
          {data.map((db) => (
            <tr key={db.id} className="border-t border-slate-100">
              <td className="min-w-32 px-3 py-2 font-medium [overflow-wrap:anywhere]">
                <Link
                  href={`/databases/${encodeURIComponent(db.name)}`}
                  className="text-sky-700 hover:underline"
                >
                  {db.name}
                </Link>
              </td>
              <td className="min-w-32 px-3 py-2 [overflow-wrap:anywhere]" title={db.fileError ?? undefined}>
                <StatusBadge value={db.fileStatus} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{db.tableCount}</td>
              <td className="px-3 py-2 text-right tabular-nums">{db.taskCount}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatBytes(db.fileBytes)}</td>
              <td className="px-3 py-2 text-slate-600">{db.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
