import { z } from "zod";
import { filterText } from "@/lib/util/filter-text";

// The filters of the review queues: the URL's search params, the page and the API share them.
export const reviewQueueFiltersSchema = z.object({
  queue: z.enum(["sft", "pairs"]).default("sft"),
  status: z.enum(["pending", "accepted", "edited", "rejected", "discarded"]).default("pending"),
  job: filterText,
  database: filterText,
  difficulty: filterText,
  origin: filterText,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type ReviewQueueFilters = z.infer<typeof reviewQueueFiltersSchema>;

/** The filters that pick a queue's items (what claims and lists share). */
export type QueueItemFilters = Partial<Pick<ReviewQueueFilters, "job" | "database" | "difficulty" | "origin">>;
