import { z } from "zod";
import { filterText } from "@/lib/util/filter-text";

// One schema for the Tasks filters: the URL search params, the API and the UI all use it.
export const taskFiltersSchema = z.object({
  database: filterText,
  split: filterText,
  origin: filterText,
  difficulty: filterText,
  hardness: filterText,
  q: filterText,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type TaskFilters = z.infer<typeof taskFiltersSchema>;
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

export type TaskPage = { items: TaskListItem[]; total: number; page: number; pageSize: number };

export type TaskFacets = { databases: string[]; splits: string[]; origins: string[]; difficulties: string[]; hardnesses: string[] };
