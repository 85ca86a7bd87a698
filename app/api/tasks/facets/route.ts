import { handleRoute } from "@/lib/api/route-handler";
import { listTaskFacets } from "@/lib/tasks/read-tasks";

export const GET = handleRoute({ auth: "data.read" }, () => listTaskFacets());
