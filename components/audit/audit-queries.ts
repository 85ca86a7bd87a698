"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";

export type AuditRow = { id: string; at: string; who: string | null; whoEmail: string | null; via: string; action: string; target: string; detail: string };

export const auditKeys = { all: ["audit"] as const, list: () => [...auditKeys.all, "list"] as const };

export const auditQuery = () => queryOptions({ queryKey: auditKeys.list(), queryFn: () => fetchJson<{ entries: AuditRow[] }>("/api/audit?limit=200"), refetchInterval: 5_000 });
export const useAuditLog = () => useQuery(auditQuery());
