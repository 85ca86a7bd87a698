import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { readJobDetail } from "@/lib/jobs/read-job-detail";

export const GET = handleRoute(
  { auth: "jobs.manage", params: z.object({ id: z.string().min(1) }) },
  ({ params }) => readJobDetail(params.id),
);
