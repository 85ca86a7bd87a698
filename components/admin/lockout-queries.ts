"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";

export type LockoutRow = {
  id: string;
  kind: "email" | "address";
  key: string;
  account: { id: string; name: string } | null;
  lockedAt: string;
  lockedUntil: string;
  failedAttempts: number;
};

export const lockoutKeys = {
  all: ["lockouts"] as const,
  current: () => [...lockoutKeys.all, "current"] as const,
};

/** The sign-in lockouts in force, polled so that a new one shows up while the page is open. */
export const lockoutsQuery = () =>
  queryOptions({
    queryKey: lockoutKeys.current(),
    queryFn: () => fetchJson<{ lockouts: LockoutRow[]; more: boolean }>("/api/admin/lockouts"),
    refetchInterval: 10_000,
  });
export const useLockouts = () => useQuery(lockoutsQuery());

export function useLiftLockout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<{ lifted: { id: string; key: string } }>(
        `/api/admin/lockouts/${encodeURIComponent(id)}/lift`,
        { method: "POST" },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: lockoutKeys.all }),
  });
}
