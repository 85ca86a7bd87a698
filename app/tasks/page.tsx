import { redirect } from "next/navigation";
import { Suspense } from "react";
import { BadAddress } from "@/components/shell/bad-address";
import { DroppedFilters } from "@/components/shell/dropped-filters";
import { PageHeader } from "@/components/shell/page-header";
import { TasksView } from "@/components/tasks/tasks-view";
import { requirePageUser } from "@/lib/auth/page-auth";
import { TASK_FILTER_KEYS } from "@/lib/tasks/task-filters";
import { locateTaskPage, tasksPageParamsSchema } from "@/lib/tasks/task-page-number";
import { parsePageParams, type RawPageParams } from "@/lib/util/page-params";
import { pageTitle } from "@/lib/auth/page-title";
import { dropUnknownDatabase } from "@/lib/databases/database-filter";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("data.read", "Tasks");

/** The address without the page number and cursors, with `extra` set. */
const tasksHref = (raw: Record<string, string>, extra: Record<string, string> = {}) => {
  const { page: _page, after: _after, before: _before, ...kept } = raw;
  const query = new URLSearchParams({ ...kept, ...extra }).toString();
  return query ? `/tasks?${query}` : "/tasks";
};

export default async function TasksPage({ searchParams }: { searchParams: Promise<RawPageParams> }) {
  await requirePageUser("data.read", "/tasks");
  const given = await searchParams;
  const params = await dropUnknownDatabase(
    parsePageParams(tasksPageParamsSchema, given, { droppable: TASK_FILTER_KEYS }),
  );
  // the client view reads the address itself: it is told which database name to leave out
  const unknownDatabase =
    params.ok && params.values.database === undefined && typeof given.database === "string"
      ? given.database
      : undefined;
  const page = params.ok ? params.values.page : undefined;
  const jump = params.ok && page ? await locateTaskPage(params.values, page) : null;
  if (jump && "after" in jump) redirect(tasksHref(params.raw, jump.after ? { after: jump.after } : {}));
  const problems = !params.ok ? params.problems : jump ? [jump.problem] : null;
  return (
    <>
      <PageHeader
        title="Tasks"
        subtitle="Questions with gold SQL, from imports, the demo and (later) strong synthesis."
      />
      {problems ? (
        <BadAddress
          problems={problems}
          links={[{ href: params.ok ? tasksHref(params.raw) : "/tasks", label: "the first page" }]}
        />
      ) : (
        <Suspense fallback={<p className="text-sm text-slate-500">Loading tasks…</p>}>
          <DroppedFilters problems={params.ok ? params.dropped : []} />
          <TasksView unknownDatabase={unknownDatabase} />
        </Suspense>
      )}
    </>
  );
}
