import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { getTask } from "@/lib/tasks/read-tasks";

export const GET = handleRoute({ auth: "data.read", params: z.object({ id: z.string() }) }, ({ params }) =>
  getTask(params.id),
);
