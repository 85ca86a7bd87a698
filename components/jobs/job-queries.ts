"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { JobConfigInput } from "@/lib/jobs/job-config";
import type { JobProgress } from "@/lib/jobs/read-jobs";

export const jobKeys = {
  all: ["jobs"] as const,
  list: () => [...jobKeys.all, "list"] as const,
};

// Live: poll every second while any job is running or still finishing its items in flight.
export const jobsQuery = () =>
  queryOptions({
    queryKey: jobKeys.list(),
    queryFn: () => fetchJson<JobProgress[]>("/api/jobs"),
    refetchInterval: (query) =>
      query.state.data?.some((j) => j.status === "running" || j.itemsInFlight > 0) ? 1_000 : 3_000,
    refetchIntervalInBackground: false,
  });

export const useJobs = () => useQuery(jobsQuery());

export function useCreateJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (config: JobConfigInput) =>
      fetchJson<{ job: { id: string } }>("/api/jobs", { method: "POST", json: config }),
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

export function useJobAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: "pause" | "resume" | "cancel" }) =>
      fetchJson<{ job: { status: string } }>(`/api/jobs/${id}/${action}`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

export type JobFailure = {
  id: string;
  errorKind: string | null;
  error: string | null;
  attempts: number;
  payloadJson: string;
  updatedAt: string;
};

export const jobFailuresQuery = (jobId: string) =>
  queryOptions({
    queryKey: [...jobKeys.all, "failures", jobId] as const,
    queryFn: () => fetchJson<JobFailure[]>(`/api/jobs/${jobId}/failures`),
  });

export const useJobFailures = (jobId: string) => useQuery(jobFailuresQuery(jobId));
