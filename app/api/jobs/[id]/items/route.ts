import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { listJobItemLog } from "@/lib/jobs/job-item-log";
import { jobItemLogFiltersSchema } from "@/lib/jobs/job-item-log-filters";

export const GET = handleRoute(
  { auth: "jobs.manage", params: z.object({ id: z.string().min(1) }), query: jobItemLogFiltersSchema },
  ({ params, query }) => listJobItemLog(params.id, query),
);
