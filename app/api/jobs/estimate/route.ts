import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { jobConfigSchema } from "@/lib/jobs/job-config";
import { readJobEstimate } from "@/lib/jobs/read-job-estimate";

const query = z.object({
  config: z
    .string({ message: "config: the job's configuration as JSON is required" })
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "config is not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(jobConfigSchema),
});

export const GET = handleRoute({ auth: "jobs.manage", query }, ({ query }) => readJobEstimate(query.config));
