import { z } from "zod";
import { ITEM_DIFFICULTIES } from "@/lib/items/item-facets";
import { filterChoice, filterText } from "@/lib/util/filter-text";

/** The values a task's fields take (prisma/schema.prisma, Task): what the filters accept. */
export const TASK_SPLITS = ["train", "dev", "test", "synthetic"] as const;
export const TASK_ORIGINS = ["spider", "bird", "strong", "demo", "manual"] as const;
export const SPIDER_HARDNESS = ["easy", "medium", "hard", "extra"] as const;

// One schema for the Tasks filters: the URL search params, the API and the UI all use it.
export const taskFiltersSchema = z.object({
  database: filterText,
  split: filterChoice(TASK_SPLITS),
  origin: filterChoice(TASK_ORIGINS),
  difficulty: filterChoice(ITEM_DIFFICULTIES),
  hardness: filterChoice(SPIDER_HARDNESS),
  q: filterText,
  // keyset paging: the page after (or before) the task with this id, in id (= import) order
  after: filterText,
  before: filterText,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type TaskFilters = z.infer<typeof taskFiltersSchema>;

/** The filters a bad value of drops from the Tasks page (it shows the rest and says why). */
export const TASK_FILTER_KEYS = ["database", "split", "origin", "difficulty", "hardness", "q"] as const;
export type TaskFiltersInput = z.input<typeof taskFiltersSchema>;

export type TaskListItem = {
  id: string;
  question: string;
  databaseName: string;
  split: string;
  origin: string;
  difficulty: string | null;
  hardness: string | null;
};

export type TaskPage = {
  items: TaskListItem[];
  /** All tasks matching the filters, from the store's counters; null with a text search (not counted). */
  total: number | null;
  pageSize: number;
  /** The cursors of the next and previous pages (null at either end). */
  nextCursor: string | null;
  prevCursor: string | null;
  /** A text search looks through at most SEARCH_SPAN tasks a request: true when this page stopped there. */
  searchStopped: boolean;
};

/** How many tasks one text-search request reads at most (a request costs O(page), never O(store)). */
export const SEARCH_SPAN = 20_000;

export type TaskFacets = {
  databases: string[];
  splits: string[];
  origins: string[];
  difficulties: string[];
  hardnesses: string[];
};
