import { handleRoute } from "@/lib/api/route-handler";
import { listTasks } from "@/lib/tasks/read-tasks";
import { taskFiltersSchema } from "@/lib/tasks/task-filters";

export const GET = handleRoute({ auth: "data.read", query: taskFiltersSchema }, ({ query }) => listTasks(query));
