import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { SqlBlock } from "@/components/sql/sql-block";
import { isAppError } from "@/lib/errors";
import { getTask } from "@/lib/tasks/read-tasks";
import { requirePageUser } from "@/lib/auth/page-auth";

export const dynamic = "force-dynamic";

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("data.read", "/tasks");
  const { id } = await params;
  const task = await getTask(id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const facts: [string, string | null][] = [
    ["Split", task.split],
    ["Origin", task.origin],
    ["Difficulty", task.difficulty],
    ["Hardness", task.hardness],
    ["Source", task.sourceRef],
  ];
  return (
    <>
      <PageHeader title="Task" subtitle={<Link className="text-sky-700 hover:underline" href="/tasks">← all tasks</Link>} />
      <article className="max-w-4xl space-y-6">
        <section>
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Question</h2>
          <p className="mt-1 text-lg" data-testid="task-question">{task.question}</p>
        </section>
        {task.evidence ? (
          <section>
            <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Evidence</h2>
            <p className="mt-1">{task.evidence}</p>
          </section>
        ) : null}
        <section>
          <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Gold SQL</h2>
          <SqlBlock sql={task.goldSql} label="Gold SQL" />
        </section>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">Database</dt>
          <dd>
            <Link className="text-sky-700 hover:underline" href={`/databases/${encodeURIComponent(task.database.name)}`}>
              {task.database.name}
            </Link>
            {task.database.fileStatus !== "ok" ? <span className="ml-2 text-amber-800">(file {task.database.fileStatus})</span> : null}
          </dd>
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="font-mono text-xs leading-5">{value ?? "—"}</dd>
            </div>
          ))}
        </dl>
      </article>
    </>
  );
}
