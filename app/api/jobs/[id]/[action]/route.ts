import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { changeJobStatus } from "@/lib/jobs/job-control";

const params = z.object({ id: z.string().min(1), action: z.enum(["pause", "resume", "cancel"]) });

export const POST = handleRoute({ auth: "jobs.manage", params }, async ({ params, user }) => ({
  job: await changeJobStatus(params.id, params.action, user),
}));
