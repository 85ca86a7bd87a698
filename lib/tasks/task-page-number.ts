import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { listTasks, taskWhere } from "@/lib/tasks/read-tasks";
import { taskFiltersSchema, type TaskFilters } from "@/lib/tasks/task-filters";
import { pastTheEnd } from "@/lib/util/page-params";

/** The Tasks page's address: its filters, plus a page number to jump to (`?page=3`). */
export const tasksPageParamsSchema = taskFiltersSchema.extend({
  page: z.coerce.number().int().min(1).optional(),
});

export type TaskPageJump = { after: string | null } | { problem: string };

/**
 * Where page `page` of the filtered tasks starts (the cursor its keyset page reads after), or why
 * there is no such page: past the end (with how many pages there are), or under a text search,
 * which is not counted. The jump walks the filter's index up to the page (a link keeps cursors).
 */
export async function locateTaskPage(filters: TaskFilters, page: number): Promise<TaskPageJump> {
  if (filters.q)
    return {
      problem:
        "Page numbers do not work with a text search (its matches are not counted): page with Next → and ← Previous.",
    };
  const { total } = await listTasks({ ...filters, after: undefined, before: undefined, pageSize: 1 });
  const count = total ?? 0;
  const pages = Math.max(1, Math.ceil(count / filters.pageSize));
  if (page > pages)
    return {
      problem: pastTheEnd(
        page,
        pages,
        `the ${count} tasks ${hasFilters(filters) ? "matching these filters" : "in the store"}`,
        `${filters.pageSize} a page`,
      ),
    };
  if (page === 1) return { after: null };
  const edge = await prisma.task.findFirst({
    where: taskWhere(filters),
    orderBy: { id: "asc" },
    skip: (page - 1) * filters.pageSize - 1,
    select: { id: true },
  });
  return { after: edge?.id ?? null };
}

const hasFilters = (f: TaskFilters) =>
  Boolean(f.database || f.split || f.origin || f.difficulty || f.hardness);
