import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { listTasks } from "@/lib/tasks/read-tasks";
import { taskFiltersSchema } from "@/lib/tasks/task-filters";

// The API pages by cursor; a page number (which the Tasks page turns into a cursor) is refused in words.
const query = taskFiltersSchema.extend({
  page: z
    .string()
    .optional()
    .refine(
      (page) => page === undefined,
      "this API pages by cursor, not by page number: pass after=<nextCursor> (or before=<prevCursor>) from its last answer",
    ),
});

export const GET = handleRoute({ auth: "data.read", query }, ({ query: { page: _page, ...filters } }) =>
  listTasks(filters),
);
