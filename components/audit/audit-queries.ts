"use client";

import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { AuditFilters, AuditPage } from "@/lib/audit/audit-filters";

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: Partial<AuditFilters>) => [...auditKeys.all, "list", filters] as const,
};

/** The filters as URL search params (the page's address and the API's query), defaults left out. */
export function auditSearchParams(filters: Partial<AuditFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "" && !(key === "limit" && value === 200))
      params.set(key, String(value));
  }
  return params;
}

/** One page of the log; the newest page is polled, so new entries appear while it is open. */
export const auditQuery = (filters: AuditFilters) =>
  queryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: () => fetchJson<AuditPage>(`/api/audit?${auditSearchParams(filters)}`),
    placeholderData: keepPreviousData,
    refetchInterval: filters.before || filters.after ? false : 5_000,
  });
export const useAuditLog = (filters: AuditFilters, enabled: boolean) =>
  useQuery({ ...auditQuery(filters), enabled });
