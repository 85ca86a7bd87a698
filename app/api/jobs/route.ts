import { handleRoute } from "@/lib/api/route-handler";
import { createJob } from "@/lib/jobs/create-job";
import { jobConfigSchema } from "@/lib/jobs/job-config";
import { listJobs } from "@/lib/jobs/read-jobs";

export const GET = handleRoute({ auth: "jobs.manage" }, () => listJobs());

export const POST = handleRoute({ auth: "jobs.manage", body: jobConfigSchema }, async ({ body, user }) => ({
  job: await createJob(body, user),
}));
