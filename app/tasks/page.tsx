import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { TasksView } from "@/components/tasks/tasks-view";

export default function TasksPage() {
  return (
    <>
      <PageHeader title="Tasks" subtitle="Questions with gold SQL, from imports, the demo and (later) strong synthesis." />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading tasks…</p>}>
        <TasksView />
      </Suspense>
    </>
  );
}
