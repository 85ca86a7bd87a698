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
  // keyset paging in id (= creation) order: the page after (or before) the item with this id
  after: filterText,
  before: filterText,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type ReviewQueueFilters = z.infer<typeof reviewQueueFiltersSchema>;

/** The filters that pick a queue's items (what claims and lists share). */
export type QueueItemFilters = Partial<Pick<ReviewQueueFilters, "job" | "database" | "difficulty" | "origin">>;
