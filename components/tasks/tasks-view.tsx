"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { TableHead } from "@/components/shell/table-head";
import { TaskLevelCell } from "@/components/tasks/task-level-cell";
import { TaskFilterBar } from "@/components/tasks/task-filter-bar";
import { toSearchParams, useTasks } from "@/components/tasks/task-queries";
import { SEARCH_SPAN, TASK_FILTER_KEYS, taskFiltersSchema, type TaskFilters } from "@/lib/tasks/task-filters";
import { parsePageParams } from "@/lib/util/page-params";
import { TableFrame } from "@/components/shell/table-frame";

/** `unknownDatabase`: a database filter in the address that names no database (the page says so); it is left out. */
export function TasksView({ unknownDatabase }: { unknownDatabase?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // a filter with a bad value is left out here as on the page (which says so), never sent to the API
  const parsed = parsePageParams(taskFiltersSchema, Object.fromEntries(searchParams), {
    droppable: TASK_FILTER_KEYS,
  });
  const read: TaskFilters = parsed.ok ? parsed.values : taskFiltersSchema.parse({});
  const filters: TaskFilters =
    unknownDatabase !== undefined && read.database === unknownDatabase
      ? { ...read, database: undefined }
      : read;
  const { data, error, isPending, isFetching } = useTasks(filters);
  const update = (next: Partial<TaskFilters>) => {
    const query = toSearchParams({ ...filters, ...next }).toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return (
    <>
      <TaskFilterBar filters={filters} onChange={update} />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          Could not load tasks: {error.message}
        </p>
      ) : null}
      {isPending ? <p className="text-sm text-slate-500">Loading tasks…</p> : null}
      {data ? (
        <>
          <p className="mb-2 text-sm text-slate-600" data-testid="task-count">
            {data.total === null ? `Tasks whose question contains “${filters.q}”` : `${data.total} tasks`}
            {isFetching ? " · updating…" : ""}
          </p>
          <TableFrame>
            <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" aria-label="Tasks">
              <TableHead columns={["Question", "Database", "Split", "Origin", "Difficulty"]} />
              <tbody>
                {!data.items.length ? (
                  <tr>
                    <td colSpan={5} className="px-3 py-2 text-slate-500">
                      {filters.q
                        ? `No task whose question contains “${filters.q}” on this page of the search.`
                        : "No tasks match these filters."}
                    </td>
                  </tr>
                ) : null}
                {data.items.map((task) => (
                  <tr key={task.id} className="border-t border-slate-100">
                    <td className="min-w-48 px-3 py-2 [overflow-wrap:anywhere]">
                      <Link href={`/tasks/${task.id}`} className="text-sky-700 hover:underline">
                        {task.question}
                      </Link>
                    </td>
                    <td className="min-w-24 px-3 py-2 font-mono text-xs [overflow-wrap:anywhere]">
                      {task.databaseName}
                    </td>
                    <td className="px-3 py-2">{task.split}</td>
                    <td className="px-3 py-2">{task.origin}</td>
                    <td className="px-3 py-2">
                      <TaskLevelCell task={task} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          {data.searchStopped ? (
            <p className="mt-2 text-sm text-slate-600" role="status">
              {data.items.length ? "These are the matches" : "No match"} among the next{" "}
              {SEARCH_SPAN.toLocaleString("en")} tasks; Next → searches on.
            </p>
          ) : null}
          <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
            <button
              type="button"
              className="rounded border px-2 py-1 disabled:opacity-40"
              disabled={!filters.after && !filters.before}
              onClick={() => update({ after: undefined, before: undefined })}
            >
              First
            </button>
            <button
              type="button"
              className="rounded border px-2 py-1 disabled:opacity-40"
              disabled={!data.prevCursor}
              onClick={() => update({ before: data.prevCursor ?? undefined, after: undefined })}
            >
              ← Previous
            </button>
            <button
              type="button"
              className="rounded border px-2 py-1 disabled:opacity-40"
              disabled={!data.nextCursor}
              onClick={() => update({ after: data.nextCursor ?? undefined, before: undefined })}
            >
              Next →
            </button>
          </nav>
        </>
      ) : null}
    </>
  );
}
