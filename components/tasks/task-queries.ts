"use client";

import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { TaskFacets, TaskFilters, TaskPage } from "@/lib/tasks/task-filters";

export const taskKeys = {
  all: ["tasks"] as const,
  list: (filters: TaskFilters) => [...taskKeys.all, "list", filters] as const,
  facets: () => [...taskKeys.all, "facets"] as const,
};

export function toSearchParams(filters: Partial<TaskFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "" && !(key === "pageSize" && value === 50)) {
      params.set(key, String(value));
    }
  }
  return params;
}

export const tasksQuery = (filters: TaskFilters) =>
  queryOptions({
    queryKey: taskKeys.list(filters),
    queryFn: () => fetchJson<TaskPage>(`/api/tasks?${toSearchParams(filters)}`),
    placeholderData: keepPreviousData,
  });
export const taskFacetsQuery = () =>
  queryOptions({ queryKey: taskKeys.facets(), queryFn: () => fetchJson<TaskFacets>("/api/tasks/facets") });

export const useTasks = (filters: TaskFilters) => useQuery(tasksQuery(filters));
export const useTaskFacets = () => useQuery(taskFacetsQuery());
