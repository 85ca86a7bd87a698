"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { Overview } from "@/lib/overview/read-overview";

export const overviewKeys = { all: ["overview"] as const };

// Live: a lead keeps this open while jobs run and people review.
export const overviewQuery = () =>
  queryOptions({
    queryKey: overviewKeys.all,
    queryFn: () => fetchJson<Overview>("/api/overview"),
    refetchInterval: 2_000,
  });
export const useOverview = () => useQuery(overviewQuery());
