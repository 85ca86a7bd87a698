import { z } from "zod";
import { ITEM_DIFFICULTIES } from "@/lib/items/item-facets";
import { filterChoice, filterText } from "@/lib/util/filter-text";
import { ITEM_KINDS, KIND, REVIEW_STATUSES, type ItemKind } from "@/lib/items/item-kinds";

/** The filters that pick a queue's items, as the address, the workspace's deck request and Browse take them. */
export const queueItemFilterFields = {
  job: filterText,
  database: filterText,
  difficulty: filterChoice(ITEM_DIFFICULTIES),
  origin: filterText, // checked against the queue's own origins by refineQueueOrigin
};

/** The filters a bad value of drops from a review page (it shows the rest and says why). */
export const QUEUE_FILTER_KEYS = ["job", "database", "difficulty", "origin"] as const;

/** An origin the queue's items cannot have is refused with the ones they can (lib/items/item-facets.ts). */
export function refineQueueOrigin(f: { queue: ItemKind; origin?: string }, ctx: z.RefinementCtx) {
  const allowed = KIND[f.queue].origins;
  if (f.origin && !allowed.includes(f.origin)) {
    ctx.addIssue({
      code: "custom",
      path: ["origin"],
      message: `origin must be one of: ${allowed.join(", ")} in the ${KIND[f.queue].queueLabel} queue (not “${f.origin.slice(0, 40)}”)`,
    });
  }
}

// The filters of the review queues: the URL's search params, the page and the API share them.
export const reviewQueueFiltersSchema = z
  .object({
    queue: z.enum(ITEM_KINDS).default("sft"),
    status: z.enum(REVIEW_STATUSES).default("pending"),
    ...queueItemFilterFields,
    // keyset paging in id (= creation) order: the page after (or before) the item with this id
    after: filterText,
    before: filterText,
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .superRefine(refineQueueOrigin);

export type ReviewQueueFilters = z.infer<typeof reviewQueueFiltersSchema>;

/** The filters that pick a queue's items (what claims and lists share; the schemas above check their values). */
export type QueueItemFilters = { job?: string; database?: string; difficulty?: string; origin?: string };
