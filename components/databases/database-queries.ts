"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import { taskKeys } from "@/components/tasks/task-queries";
import type { DatabaseSummary } from "@/lib/databases/read-databases";
import type { DeletionPreview } from "@/lib/databases/delete-database";
import type { DatabaseContents } from "@/lib/databases/database-contents";
import type { ImportReport } from "@/lib/import/import-benchmark";

export const databaseKeys = {
  all: ["databases"] as const,
  list: () => [...databaseKeys.all, "list"] as const,
  imports: () => [...databaseKeys.all, "imports"] as const,
  deletion: (name: string) => [...databaseKeys.all, "deletion", name] as const,
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
  queryOptions({
    queryKey: databaseKeys.list(),
    queryFn: () => fetchJson<DatabaseSummary[]>("/api/databases"),
  });
export const importRunsQuery = () =>
  queryOptions({
    queryKey: databaseKeys.imports(),
    queryFn: () => fetchJson<ImportRunRow[]>("/api/imports"),
  });

export const useDatabases = () => useQuery(databasesQuery());
export const useImportRuns = () => useQuery(importRunsQuery());

function useInvalidateStore() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: databaseKeys.all }),
      client.invalidateQueries({ queryKey: taskKeys.all }),
    ]);
}

export function useUploadDatabase() {
  const invalidate = useInvalidateStore();
  return useMutation({
    mutationFn: (form: FormData) =>
      fetchJson<{ database: { name: string; tableCount: number } }>("/api/databases", {
        method: "POST",
        body: form,
      }),
    onSuccess: invalidate,
  });
}

export function useRegisterServerPath() {
  const invalidate = useInvalidateStore();
  return useMutation({
    mutationFn: (input: { path: string; name?: string }) =>
      fetchJson<{ database: { name: string; tableCount: number } }>("/api/databases/from-path", {
        method: "POST",
        json: input,
      }),
    onSuccess: invalidate,
  });
}

type ImportRunState = { id: string; status: string; error: string | null; report: ImportReport | null };

const IMPORT_POLL_MS = 400;

/** Starts an import (it runs on the job queue) and follows its run until it ends: its report, or its error. */
async function importAndWait(input: {
  format: "spider" | "bird";
  dir: string;
  split: "dev" | "train";
}): Promise<ImportReport> {
  const { importRun } = await fetchJson<{ importRun: { id: string } }>("/api/imports", {
    method: "POST",
    json: input,
  });
  for (;;) {
    const run = await fetchJson<ImportRunState>(`/api/imports/${encodeURIComponent(importRun.id)}`);
    if (run.status === "done" && run.report) return run.report;
    if (run.status !== "running") throw new Error(run.error ?? `The import ended ${run.status}.`);
    await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
  }
}

export function useImportBenchmark() {
  const invalidate = useInvalidateStore();
  return useMutation({
    mutationFn: importAndWait,
    onSettled: invalidate, // a failed import is listed under Recent imports too
  });
}

/** What deleting a database takes with it, and the jobs that stop it: read when the confirmation opens. */
export const deletionPreviewQuery = (name: string) =>
  queryOptions({
    queryKey: databaseKeys.deletion(name),
    queryFn: () => fetchJson<DeletionPreview>(`/api/databases/${encodeURIComponent(name)}/deletion`),
    staleTime: 0,
  });
export const useDeletionPreview = (name: string, enabled: boolean) =>
  useQuery({ ...deletionPreviewQuery(name), enabled });

export function useDeleteDatabase() {
  const invalidate = useInvalidateStore();
  return useMutation({
    mutationFn: (name: string) =>
      fetchJson<{ name: string; deleted: DatabaseContents }>(`/api/databases/${encodeURIComponent(name)}`, {
        method: "DELETE",
      }),
    onSettled: invalidate,
  });
}

export function useRenameDatabase() {
  const invalidate = useInvalidateStore();
  return useMutation({
    mutationFn: (input: { name: string; newName: string }) =>
      fetchJson<{ database: { name: string } }>(`/api/databases/${encodeURIComponent(input.name)}`, {
        method: "PATCH",
        json: { name: input.newName },
      }),
    onSuccess: invalidate,
  });
}
