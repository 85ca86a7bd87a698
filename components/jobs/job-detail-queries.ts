"use client";

import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import { jobKeys } from "@/components/jobs/job-queries";
import type { JobItemLogFilters } from "@/lib/jobs/job-item-log-filters";
import type { JobItemLogPage } from "@/lib/jobs/job-item-log";
import type { JobDetail } from "@/lib/jobs/read-job-detail";

export const jobDetailKeys = {
  detail: (id: string) => [...jobKeys.all, "detail", id] as const,
  items: (id: string, filters: JobItemLogFilters) => [...jobKeys.all, "items", id, filters] as const,
};

const live = (status: string | undefined) => (status === "running" || status === "paused" ? 2_000 : false);

export const jobDetailQuery = (id: string) =>
  queryOptions({
    queryKey: jobDetailKeys.detail(id),
    queryFn: () => fetchJson<JobDetail>(`/api/jobs/${id}`),
    refetchInterval: (query) => live(query.state.data?.progress.status),
  });
export const useJobDetail = (id: string) => useQuery(jobDetailQuery(id));

export const jobItemLogQuery = (id: string, filters: JobItemLogFilters, refresh: number | false) =>
  queryOptions({
    queryKey: jobDetailKeys.items(id, filters),
    queryFn: () => {
      const params = new URLSearchParams(
        Object.entries(filters).filter((e): e is [string, string] => !!e[1]),
      );
      return fetchJson<JobItemLogPage>(`/api/jobs/${id}/items?${params}`);
    },
    placeholderData: keepPreviousData,
    refetchInterval: refresh,
  });
export const useJobItemLog = (id: string, filters: JobItemLogFilters, refresh: number | false) =>
  useQuery(jobItemLogQuery(id, filters, refresh));
