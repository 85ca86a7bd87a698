import { z } from "zod";
import { taskFiltersSchema } from "@/lib/tasks/task-filters";

export const jobStatusSchema = z.enum(["queued", "running", "paused", "cancelled", "done", "failed"]);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** Which tasks a job works on: the Tasks page's filters, plus an optional cap. */
export const jobTaskSelectionSchema = taskFiltersSchema
  .pick({ database: true, split: true, origin: true, difficulty: true, hardness: true })
  .extend({ limit: z.number().int().positive().max(1_000_000).optional() });

/** A weak job whose candidates come from SQL mutation instead of a model (offline weak source). */
export const mutationJobConfigSchema = z.object({
  kind: z.literal("mutation"),
  tasks: jobTaskSelectionSchema,
  metric: z.enum(["spider", "bird"]).default("spider"),
  keepPerTask: z.number().int().min(1).max(20).default(2),
});

export type MutationJobConfig = z.infer<typeof mutationJobConfigSchema>;
export type MutationJobConfigInput = z.input<typeof mutationJobConfigSchema>;
