import { handleRoute } from "@/lib/api/route-handler";
import { createMutationJob } from "@/lib/jobs/create-job";
import { mutationJobConfigSchema } from "@/lib/jobs/job-config";
import { listJobs } from "@/lib/jobs/read-jobs";

export const GET = handleRoute({}, () => listJobs());

export const POST = handleRoute({ body: mutationJobConfigSchema }, async ({ body }) => ({ job: await createMutationJob(body) }));
