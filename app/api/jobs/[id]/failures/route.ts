import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { listJobFailures } from "@/lib/jobs/read-jobs";

export const GET = handleRoute(
  { auth: "jobs.manage", params: z.object({ id: z.string().min(1) }) },
  ({ params }) => listJobFailures(params.id),
);
