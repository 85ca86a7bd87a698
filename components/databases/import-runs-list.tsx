"use client";

import { StatusBadge } from "@/components/shell/status-badge";
import { useImportRuns } from "@/components/databases/database-queries";

export function ImportRunsList() {
  const { data, error } = useImportRuns();
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {error.message}
      </p>
    );
  if (!data?.length) return null;
  return (
    <section className="mt-8" aria-label="Recent imports">
      <h2 className="mb-2 font-medium">Recent imports</h2>
      <ul className="space-y-1 text-sm">
        {data.map((run) => (
          <li key={run.id} className="flex flex-wrap items-center gap-2">
            <StatusBadge value={run.status} />
            <span className="font-mono text-xs">
              {run.format}/{run.split}
            </span>
            <span className="text-slate-600">{run.dirPath}</span>
            <span>
              +{run.tasksAdded} tasks, {run.tasksSkipped} skipped, {run.databasesMissing} without file
            </span>
            {run.error ? <span className="text-red-700">{run.error}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
