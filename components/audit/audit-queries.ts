"use client";

import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";

export type AuditRow = { id: string; at: string; who: string | null; whoEmail: string | null; via: string; action: string; target: string; detail: string };
type AuditPage = { entries: AuditRow[]; nextCursor: string | null };

export const auditKeys = { all: ["audit"] as const, list: () => [...auditKeys.all, "list"] as const };

/** The log newest first, a page of 200 at a time (keyset: each older page starts where the last ended). */
export const auditQuery = () =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(),
    queryFn: ({ pageParam }) => fetchJson<AuditPage>(`/api/audit?limit=200${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ""}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 5_000,
  });
export const useAuditLog = () => useInfiniteQuery(auditQuery());
