import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { SqlBlock } from "@/components/sql/sql-block";
import { RunGoldSql } from "@/components/tasks/run-gold-sql";
import { TaskLevelCell } from "@/components/tasks/task-level-cell";
import { TaskOutputsLists } from "@/components/tasks/task-outputs-lists";
import { isAppError } from "@/lib/errors";
import { getTask, taskExists } from "@/lib/tasks/read-tasks";
import { readTaskOutputs } from "@/lib/tasks/task-outputs";
import { requirePageUser } from "@/lib/auth/page-auth";
import { pageTitle } from "@/lib/auth/page-title";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return pageTitle("data.read", async () => ((await taskExists(id)) ? "Task" : null));
}

export default async function TaskPage({ params }: Props) {
  await requirePageUser("data.read", "/tasks");
  const { id } = await params;
  const task = await getTask(id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const outputs = await readTaskOutputs(task.id);
  const facts: [string, string | null][] = [
    ["Split", task.split],
    ["Origin", task.origin],
    // a source's difficulty is shown above; Spider's hardness (computed from the gold SQL) too when both exist
    ...(task.difficulty && task.hardness ? [["Spider hardness", task.hardness] as [string, string]] : []),
    ["Source", task.sourceRef],
  ];
  return (
    <>
      <PageHeader
        title="Task"
        subtitle={
          <Link className="text-sky-700 hover:underline" href="/tasks">
            ← all tasks
          </Link>
        }
      />
      <article className="max-w-4xl space-y-6">
        <section>
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Question</h2>
          <p className="mt-1 text-lg" data-testid="task-question">
            {task.question}
          </p>
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
          <div className="mt-2">
            <RunGoldSql
              database={task.database.name}
              sql={task.goldSql}
              runnable={task.database.fileStatus === "ok"}
            />
          </div>
        </section>
        <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-y-1 text-sm">
          <dt className="text-slate-500">Database</dt>
          <dd>
            <Link
              className="text-sky-700 hover:underline"
              href={`/databases/${encodeURIComponent(task.database.name)}`}
            >
              {task.database.name}
            </Link>
            {task.database.fileStatus !== "ok" ? (
              <span className="ml-2 text-amber-800">(file {task.database.fileStatus})</span>
            ) : null}
          </dd>
          <dt className="text-slate-500">Difficulty</dt>
          <dd className="text-sm">
            <TaskLevelCell task={task} />
          </dd>
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="font-mono text-xs leading-5">{value ?? "—"}</dd>
            </div>
          ))}
        </dl>
        <TaskOutputsLists outputs={outputs} />
      </article>
    </>
  );
}
