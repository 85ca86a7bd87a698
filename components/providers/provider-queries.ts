"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { ProviderInput, ProviderView } from "@/lib/providers/provider-schema";

export const providerKeys = {
  all: ["providers"] as const,
  list: () => [...providerKeys.all, "list"] as const,
};

export const providersQuery = () => queryOptions({ queryKey: providerKeys.list(), queryFn: () => fetchJson<ProviderView[]>("/api/providers") });

export const useProviders = () => useQuery(providersQuery());

export function useSaveProvider() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: ProviderInput }) =>
      fetchJson<{ provider: ProviderView }>(id ? `/api/providers/${id}` : "/api/providers", { method: id ? "PUT" : "POST", json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: providerKeys.all }),
  });
}

export function useDeleteProvider() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<{ deleted: string }>(`/api/providers/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: providerKeys.all }),
  });
}
