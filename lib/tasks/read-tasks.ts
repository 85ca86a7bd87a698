import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TaskFacets, TaskFilters, TaskPage } from "@/lib/tasks/task-filters";

/** The store query for a set of task filters (shared by the Tasks list and jobs that select tasks). */
export function taskWhere(filters: Partial<TaskFilters>): Prisma.TaskWhereInput {
  return {
    ...(filters.database ? { database: { name: filters.database } } : {}),
    ...(filters.split ? { split: filters.split } : {}),
    ...(filters.origin ? { origin: filters.origin } : {}),
    ...(filters.difficulty ? { difficulty: filters.difficulty } : {}),
    ...(filters.hardness ? { hardness: filters.hardness } : {}),
    ...(filters.q ? { question: { contains: filters.q } } : {}),
  };
}

/** One page of tasks matching the filters, in a stable order (database name, then import order). */
export async function listTasks(filters: TaskFilters): Promise<TaskPage> {
  const where = taskWhere(filters);
  const [total, rows] = await prisma.$transaction([
    prisma.task.count({ where }),
    prisma.task.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
      select: {
        id: true,
        question: true,
        split: true,
        origin: true,
        difficulty: true,
        hardness: true,
        database: { select: { name: true } },
      },
    }),
  ]);
  return {
    total,
    page: filters.page,
    pageSize: filters.pageSize,
    items: rows.map(({ database, ...r }) => ({ ...r, databaseName: database.name })),
  };
}

/** The values each filter can take, from what is in the store. */
export async function listTaskFacets(): Promise<TaskFacets> {
  const [combos, databases] = await Promise.all([
    prisma.task.groupBy({ by: ["split", "origin", "difficulty", "hardness"] }),
    prisma.targetDatabase.findMany({ where: { tasks: { some: {} } }, select: { name: true }, orderBy: { name: "asc" } }),
  ]);
  const values = (pick: (c: (typeof combos)[number]) => string | null) =>
    [...new Set(combos.map(pick).filter((v): v is string => v !== null))].sort();
  return {
    databases: databases.map((d) => d.name),
    splits: values((c) => c.split),
    origins: values((c) => c.origin),
    difficulties: values((c) => c.difficulty),
    hardnesses: values((c) => c.hardness).sort((a, b) => hardnessRank(a) - hardnessRank(b)),
  };
}

const hardnessRank = (h: string) => ["easy", "medium", "hard", "extra"].indexOf(h) + 1 || 9;

/** A task with its database, for the task page. */
export async function getTask(id: string) {
  const task = await prisma.task.findUnique({
    where: { id },
    include: { database: { select: { name: true, fileStatus: true } } },
  });
  if (!task) throw notFound(`No task with id "${id}".`);
  return task;
}
