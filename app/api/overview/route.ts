import { handleRoute } from "@/lib/api/route-handler";
import { readOverview } from "@/lib/overview/read-overview";

export const GET = handleRoute({}, () => readOverview());
