"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import { taskKeys } from "@/components/tasks/task-queries";
import type { DatabaseSummary } from "@/lib/databases/read-databases";
import type { ImportReport } from "@/lib/import/import-benchmark";

export const databaseKeys = {
  all: ["databases"] as const,
  list: () => [...databaseKeys.all, "list"] as const,
  imports: () => [...databaseKeys.all, "imports"] as const,
};

export type ImportRunRow = {
  id: string;
  format: string;
  dirPath: string;
  split: string;
  status: string;
  tasksAdded: number;
  tasksSkipped: number;
  databasesAdded: number;
  databasesMissing: number;
  error: string | null;
  createdAt: string;
};

export const databasesQuery = () =>
  queryOptions({ queryKey: databaseKeys.list(), queryFn: () => fetchJson<DatabaseSummary[]>("/api/databases") });
export const importRunsQuery = () =>
  queryOptions({ queryKey: databaseKeys.imports(), queryFn: () => fetchJson<ImportRunRow[]>("/api/imports") });

export const useDatabases = () => useQuery(databasesQuery());
export const useImportRuns = () => useQuery(importRunsQuery());

function useInvalidateStore() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: databaseKeys.all }), client.invalidateQueries({ queryKey: taskKeys.all })]);
}

export function useUploadDatabase() {
  const invalidate = useInvalidateStore();
  return useMutation({
    mutationFn: (form: FormData) =>
      fetchJson<{ database: { name: string; tableCount: number } }>("/api/databases", { method: "POST", body: form }),
    onSuccess: invalidate,
  });
}

export function useRegisterServerPath() {
  const invalidate = useInvalidateStore();
  return useMutation({
    mutationFn: (input: { path: string; name?: string }) =>
      fetchJson<{ database: { name: string; tableCount: number } }>("/api/databases/from-path", { method: "POST", json: input }),
    onSuccess: invalidate,
  });
}

export function useImportBenchmark() {
  const invalidate = useInvalidateStore();
  return useMutation({
    mutationFn: (input: { format: "spider" | "bird"; dir: string; split: "dev" | "train" }) =>
      fetchJson<ImportReport>("/api/imports", { method: "POST", json: input }),
    onSettled: invalidate, // a failed import is listed under Recent imports too
  });
}
