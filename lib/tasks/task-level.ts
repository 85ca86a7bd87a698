// A task has two level fields (prisma/schema.prisma, Task): `difficulty`, as its source gave it
// (BIRD's simple|moderate|challenging, the strong job's requested easy…extra, the demo's own), and
// `hardness`, Spider's hardness computed from the gold SQL at import (lib/tasks/task-hardness.ts).
// Spider gives no difficulty, so lists show one level and say which of the two it is.

export type TaskLevelKind =
  "bird-difficulty" | "synthesized-level" | "demo-level" | "given-difficulty" | "spider-hardness";

export type TaskLevel = { value: string; kind: TaskLevelKind; label: string };

const sourceLabels: Record<string, [TaskLevelKind, string]> = {
  bird: ["bird-difficulty", "BIRD difficulty"],
  strong: ["synthesized-level", "synthesized level"],
  demo: ["demo-level", "demo level"],
};

/** The level to show for a task: its source's difficulty when it has one, else its Spider hardness. */
export function taskLevel(task: {
  origin: string;
  difficulty: string | null;
  hardness: string | null;
}): TaskLevel | null {
  if (task.difficulty) {
    const [kind, label] = sourceLabels[task.origin] ?? ["given-difficulty", `${task.origin} difficulty`];
    return { value: task.difficulty, kind, label };
  }
  if (task.hardness) return { value: task.hardness, kind: "spider-hardness", label: "Spider hardness" };
  return null;
}
