import type { DefaultOptions } from "@tanstack/react-query";
import { ApiError } from "@/components/api/fetch-json";

/**
 * Whether a failed query is sent again: once after a failure that may pass (the network, a 5xx),
 * never after the API's own 4xx answer (not found, forbidden, bad input): that answer would only be
 * asked for twice.
 */
export const retryQuery = (failures: number, error: Error) =>
  !(error instanceof ApiError && error.status < 500) && failures < 1;

/** The app's query defaults (components/shell/query-provider.tsx). */
export const queryDefaults = {
  queries: { staleTime: 10_000, retry: retryQuery, refetchOnWindowFocus: false },
} satisfies DefaultOptions;
