"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import type { ApiTokenView } from "@/lib/auth/api-tokens";

export const accountKeys = {
  all: ["account"] as const,
  tokens: () => [...accountKeys.all, "tokens"] as const,
};

/** Signing in or out reloads the whole page, so the server renders the navigation for the new person. */
export function useSignIn(next: string) {
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      fetchJson<{ user: { name: string } }>("/api/auth/sign-in", { method: "POST", json: input }),
    onSuccess: () => window.location.assign(safeNextPath(next)),
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => fetchJson<{ signedOut: true }>("/api/auth/sign-out", { method: "POST" }),
    // a full load on purpose: the root layout (navigation, who is signed in) must render again
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    onSettled: () => window.location.assign("/sign-in"),
  });
}

export const useChangePassword = () =>
  useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      fetchJson<{ changed: true }>("/api/account/password", { method: "POST", json: input }),
  });

type TokenRow = Omit<ApiTokenView, "createdAt" | "lastUsedAt" | "revokedAt"> & {
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export const tokensQuery = () =>
  queryOptions({
    queryKey: accountKeys.tokens(),
    queryFn: () => fetchJson<{ tokens: TokenRow[] }>("/api/account/tokens"),
  });
export const useTokens = () => useQuery(tokensQuery());

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      fetchJson<{ token: string; apiToken: TokenRow }>("/api/account/tokens", {
        method: "POST",
        json: { name },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<{ token: TokenRow }>(`/api/account/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}
