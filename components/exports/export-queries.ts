"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { ExportRequestInput } from "@/lib/export/export-selection";
import type { ExportView } from "@/lib/export/exports";
import type { ItemKind } from "@/lib/items/item-kinds";

export const exportKeys = {
  all: ["exports"] as const,
  list: () => [...exportKeys.all, "list"] as const,
};

// Live while an export runs.
export const exportsQuery = () =>
  queryOptions({
    queryKey: exportKeys.list(),
    queryFn: () => fetchJson<ExportView[]>("/api/exports"),
    refetchInterval: (query) => (query.state.data?.some((e) => e.status === "running") ? 1_000 : false),
  });
export const useExports = () => useQuery(exportsQuery());

export type ExportPreview = {
  kind: ItemKind;
  selected: number;
  rows: { split: string; record: unknown }[];
  split: {
    requested: number;
    tolerance: number;
    rows: { train: number; validation: number };
    share: number;
    validationDatabases: string[];
  } | null;
};

/** The preview is a POST (the selection is a body) whose answer is not cached. */
export const usePreviewExport = () =>
  useMutation({
    mutationFn: (input: ExportRequestInput) =>
      fetchJson<ExportPreview>("/api/exports/preview", { method: "POST", json: input }),
  });

export function useStartExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ExportRequestInput) =>
      fetchJson<{ export: { id: string } }>("/api/exports", { method: "POST", json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: exportKeys.all }),
  });
}

export function useCancelExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<{ export: { id: string } }>(`/api/exports/${id}/cancel`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: exportKeys.all }),
  });
}

export const fileUrl = (id: string, name: string) => `/api/exports/${id}/files/${encodeURIComponent(name)}`;
