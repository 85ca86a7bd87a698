"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { ConnectionCheck, ProviderInput, ProviderView } from "@/lib/providers/provider-schema";

export const providerKeys = {
  all: ["providers"] as const,
  list: () => [...providerKeys.all, "list"] as const,
};

export const providersQuery = () =>
  queryOptions({ queryKey: providerKeys.list(), queryFn: () => fetchJson<ProviderView[]>("/api/providers") });

export const useProviders = () => useQuery(providersQuery());

export function useSaveProvider() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: ProviderInput }) =>
      // an added provider comes back with its connection test
      fetchJson<{ provider: ProviderView; connection?: ConnectionCheck }>(
        id ? `/api/providers/${id}` : "/api/providers",
        { method: id ? "PUT" : "POST", json: input },
      ),
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

/** Tests a provider's connection (GET <base URL>/models with its key, on the server); the answer is in words. */
export function useTestProvider() {
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<{ connection: ConnectionCheck }>(`/api/providers/${id}/test`, { method: "POST" }),
  });
}
