"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { ItemDatabase } from "@/lib/items/item-facets";

export const itemKeys = { all: ["items"] as const, databases: () => [...itemKeys.all, "databases"] as const };

export const itemDatabasesQuery = () =>
  queryOptions({
    queryKey: itemKeys.databases(),
    queryFn: async () => (await fetchJson<{ databases: ItemDatabase[] }>("/api/items/databases")).databases,
  });

/** The databases that hold review items, for the Database filters of the review and export pages. */
export const useItemDatabases = () => useQuery(itemDatabasesQuery());

/** The Database menu's options: each name, a strong job's database marked as synthesized. */
export const itemDatabaseOptions = (databases: ItemDatabase[] | undefined) =>
  databases?.map((d) => ({ value: d.name, label: d.synthesized ? `${d.name} (synthesized)` : d.name }));
