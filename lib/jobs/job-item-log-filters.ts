import { z } from "zod";

/** Filters of a job's item log (the job page, GET /api/jobs/<id>/items): one schema for both. */
export const jobItemLogFiltersSchema = z.object({
  status: z
    .enum(["pending", "leased", "done", "failed"], {
      message: "status must be pending, leased, done or failed",
    })
    .optional(),
  errorKind: z.string().trim().min(1).max(40, "errorKind is at most 40 characters").optional(),
  after: z.string().trim().min(1).max(40, "after is an item id").optional(),
});
export type JobItemLogFilters = z.infer<typeof jobItemLogFiltersSchema>;
