"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { Role } from "@/lib/auth/roles";

export type AccountRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: string | null;
  createdAt: string;
  canSignIn: boolean;
  lastSeenAt: string | null;
};

export const adminKeys = {
  all: ["admin"] as const,
  accounts: () => [...adminKeys.all, "accounts"] as const,
};

export const accountsQuery = () =>
  queryOptions({
    queryKey: adminKeys.accounts(),
    queryFn: () => fetchJson<{ accounts: AccountRow[] }>("/api/admin/accounts"),
  });
export const useAccounts = () => useQuery(accountsQuery());

export function useCreateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; name: string; role: Role; password: string }) =>
      fetchJson<{ account: { id: string; email: string } }>("/api/admin/accounts", {
        method: "POST",
        json: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.accounts() }),
  });
}

export function useUpdateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: { id: string; role?: Role; disabled?: boolean; password?: string }) =>
      fetchJson<{ account: { id: string } }>(`/api/admin/accounts/${id}`, { method: "PATCH", json: change }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.accounts() }),
  });
}
