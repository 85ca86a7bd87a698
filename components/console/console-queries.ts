"use client";

import { useMutation } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { ConsoleQueryResult } from "@/lib/sql/console/run-console-query";

/** Running SQL is a POST (it can take seconds); results are not cached. */
export function useRunSql() {
  return useMutation({
    mutationFn: (input: { database: string; sql: string }) =>
      fetchJson<ConsoleQueryResult>("/api/sql/run", { method: "POST", json: input }),
  });
}
