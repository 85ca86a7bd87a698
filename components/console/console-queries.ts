"use client";

import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { ConsoleQueryResult } from "@/lib/databases/console/run-console-query";
import type { ConsoleSchema } from "@/lib/databases/console/read-console-schema";

export const consoleKeys = {
  all: ["console"] as const,
  schema: (database: string) => [...consoleKeys.all, "schema", database] as const,
};

export const consoleSchemaQuery = (database: string) =>
  queryOptions({
    queryKey: consoleKeys.schema(database),
    queryFn: () => fetchJson<ConsoleSchema>(`/api/sql/schema?database=${encodeURIComponent(database)}`),
    enabled: !!database,
    staleTime: 60_000,
  });

export const useConsoleSchema = (database: string) => useQuery(consoleSchemaQuery(database));

/** Running SQL is a POST (it can take seconds); results are not cached. `signal` cancels it. */
export function useRunSql() {
  return useMutation({
    mutationFn: (input: { database: string; sql: string; signal?: AbortSignal }) =>
      fetchJson<ConsoleQueryResult>("/api/sql/run", {
        method: "POST",
        json: { database: input.database, sql: input.sql },
        signal: input.signal,
      }),
  });
}
