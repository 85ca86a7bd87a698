import { handleRoute } from "@/lib/api/route-handler";
import { createJob } from "@/lib/jobs/create-job";
import { jobConfigSchema } from "@/lib/jobs/job-config";
import { listJobs } from "@/lib/jobs/read-jobs";

export const GET = handleRoute({}, () => listJobs());

export const POST = handleRoute({ body: jobConfigSchema }, async ({ body }) => ({ job: await createJob(body) }));
