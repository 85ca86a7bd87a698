import { taskLevel } from "@/lib/tasks/task-level";

/** A task's level and a badge saying which kind it is (Spider hardness, BIRD difficulty, synthesized level…). */
export function TaskLevelCell({
  task,
}: {
  task: { origin: string; difficulty: string | null; hardness: string | null };
}) {
  const level = taskLevel(task);
  if (!level) return <span className="text-slate-500">—</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span>{level.value}</span>
      <span
        className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600"
        data-testid="level-kind"
      >
        {level.label}
      </span>
    </span>
  );
}
