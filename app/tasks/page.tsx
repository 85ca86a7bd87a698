import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { TasksView } from "@/components/tasks/tasks-view";
import { requirePageUser } from "@/lib/auth/page-auth";

export const dynamic = "force-dynamic";

export default async function TasksPage() {
  await requirePageUser("data.read", "/tasks");
  return (
    <>
      <PageHeader title="Tasks" subtitle="Questions with gold SQL, from imports, the demo and (later) strong synthesis." />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading tasks…</p>}>
        <TasksView />
      </Suspense>
    </>
  );
}
