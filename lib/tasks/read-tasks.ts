import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keyParts, readCounters } from "@/lib/store/store-counters";
import { keysetPage, keysetQuery } from "@/lib/util/keyset-page";
import { SEARCH_SPAN, type TaskFacets, type TaskFilters, type TaskPage } from "@/lib/tasks/task-filters";
import { compareDifficulty } from "@/lib/items/difficulty-order";

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

/** The filters without the text search, with the database named by its id (null: no such database). */
async function resolvedWhere(filters: Partial<TaskFilters>): Promise<Prisma.TaskWhereInput | null> {
  const { database, q: _q, ...rest } = filters;
  const where: Prisma.TaskWhereInput = taskWhere({
    split: rest.split,
    origin: rest.origin,
    difficulty: rest.difficulty,
    hardness: rest.hardness,
  });
  if (!database) return where;
  const found = await prisma.targetDatabase.findUnique({ where: { name: database }, select: { id: true } });
  return found ? { ...where, databaseId: found.id } : null;
}

/** A combination of task filter values and how many tasks have it, from the store's task counters. */
type TaskCombo = {
  databaseId: string | null;
  split: string | null;
  origin: string | null;
  difficulty: string | null;
  hardness: string | null;
  n: number;
};

async function readTaskCombos(): Promise<TaskCombo[]> {
  return [...((await readCounters(["tasks"])).get("tasks") ?? [])].map(([key, n]) => {
    const [databaseId = null, split = null, origin = null, difficulty = null, hardness = null] =
      keyParts(key);
    return { databaseId, split, origin, difficulty, hardness, n };
  });
}

/** How many tasks match the filters (no text search). */
async function countTasks(filters: Partial<TaskFilters>, databaseId: string | undefined): Promise<number> {
  const matches = (c: TaskCombo) =>
    (!databaseId || c.databaseId === databaseId) &&
    (["split", "origin", "difficulty", "hardness"] as const).every((f) => !filters[f] || c[f] === filters[f]);
  return (await readTaskCombos()).filter(matches).reduce((total, c) => total + c.n, 0);
}

/** How many tasks each database has (database id -> count). */
export async function taskCountsByDatabase(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const c of await readTaskCombos())
    if (c.databaseId) out.set(c.databaseId, (out.get(c.databaseId) ?? 0) + c.n);
  return out;
}

const listSelect = {
  id: true,
  question: true,
  split: true,
  origin: true,
  difficulty: true,
  hardness: true,
  database: { select: { name: true } },
} as const;

/**
 * One page of tasks matching the filters, in id (= import) order, keyset-paged through the index of
 * the filter: a page costs the same at the start and deep into a million tasks. A text search reads
 * at most SEARCH_SPAN tasks per request and says where it stopped, so the next page searches on.
 */
export async function listTasks(
  filters: TaskFilters,
  options: { searchSpan?: number } = {},
): Promise<TaskPage> {
  const base = await resolvedWhere(filters);
  const empty: TaskPage = {
    items: [],
    total: 0,
    pageSize: filters.pageSize,
    nextCursor: null,
    prevCursor: null,
    searchStopped: false,
  };
  if (!base) return empty;
  const { backwards, range, orderBy, take } = keysetQuery(filters);
  let spanEnd: string | undefined;
  if (filters.q) {
    const edge = await prisma.task.findFirst({
      where: { ...base, id: range },
      orderBy,
      skip: (options.searchSpan ?? SEARCH_SPAN) - 1,
      select: { id: true },
    });
    spanEnd = edge?.id;
  }
  const id: Prisma.StringFilter = spanEnd
    ? { ...range, ...(backwards ? { gte: spanEnd } : { lte: spanEnd }) }
    : range;
  const [rows, total] = await Promise.all([
    prisma.task.findMany({
      where: { ...base, id, ...(filters.q ? { question: { contains: filters.q } } : {}) },
      orderBy,
      take,
      select: listSelect,
    }),
    filters.q ? Promise.resolve(null) : countTasks(filters, base.databaseId as string | undefined),
  ]);
  const searchStopped = rows.length <= filters.pageSize && !!spanEnd;
  const page = keysetPage(filters, rows, searchStopped ? spanEnd : undefined);
  return {
    ...page,
    items: page.items.map(({ database, ...r }) => ({ ...r, databaseName: database.name })),
    total,
    pageSize: filters.pageSize,
    searchStopped,
  };
}

/** The values each filter can take, from the store's per-combination task counters. */
export async function listTaskFacets(): Promise<TaskFacets> {
  const combos = await readTaskCombos();
  const databaseIds = [...new Set(combos.map((c) => c.databaseId).filter((v): v is string => !!v))];
  const databases = await prisma.targetDatabase.findMany({
    where: { id: { in: databaseIds } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  // levels run from the easiest to the hardest (easy, medium, hard, extra), other values alphabetically
  const values = (field: "split" | "origin" | "difficulty" | "hardness") =>
    [...new Set(combos.map((c) => c[field]).filter((v): v is string => !!v))].sort(
      field === "difficulty" || field === "hardness" ? compareDifficulty : undefined,
    );
  return {
    databases: databases.map((d) => d.name),
    splits: values("split"),
    origins: values("origin"),
    difficulties: values("difficulty"),
    hardnesses: values("hardness").sort((a, b) => hardnessRank(a) - hardnessRank(b)),
  };
}

const hardnessRank = (h: string) => ["easy", "medium", "hard", "extra"].indexOf(h) + 1 || 9;

/** A task with its database, for the task page. */
/** Whether a task has this id (a page's title asks before the page reads it). */
export async function taskExists(id: string): Promise<boolean> {
  return (await prisma.task.count({ where: { id } })) > 0;
}

export async function getTask(id: string) {
  const task = await prisma.task.findUnique({
    where: { id },
    include: { database: { select: { name: true, fileStatus: true } } },
  });
  if (!task) throw notFound(`No task with id "${id}".`);
  return task;
}
