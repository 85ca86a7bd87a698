"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { HistoryEntry } from "@/lib/review/item-history";
import type { ReviewItemView } from "@/lib/review/read-review-item";
import type { DeckRequest, ReviewDeck } from "@/lib/review/review-deck";
import type { ReviewRouteAction } from "@/lib/review/review-action-request";
import type { ReviewActionResponse } from "@/lib/review/run-review-action";
import type { EditSftInput, RejectInput, ReviewQueue } from "@/lib/review/review-types";

export type DeckFilters = Omit<DeckRequest, "queue" | "skip">;

export const reviewKeys = {
  all: ["review"] as const,
  decks: () => [...reviewKeys.all, "deck"] as const,
  deck: (queue: ReviewQueue, filters: DeckFilters) => [...reviewKeys.decks(), queue, filters] as const,
  counts: () => [...reviewKeys.all, "counts"] as const,
  item: (queue: ReviewQueue, id: string) => [...reviewKeys.all, "item", queue, id] as const,
};

/**
 * The reviewer's deck (the item on screen and the next ones, claimed and loaded ahead). Reading it
 * claims, so it is fetched on purpose: on mount, after each action, never on window focus.
 * `session` is read when the request is sent: items skipped this session are not claimed again, and
 * an item just undone comes first.
 */
export const deckQuery = (
  queue: ReviewQueue,
  filters: DeckFilters,
  session: () => { skip: string[]; pin?: string },
) =>
  queryOptions({
    queryKey: reviewKeys.deck(queue, filters),
    queryFn: () =>
      fetchJson<ReviewDeck>("/api/review/deck", {
        method: "POST",
        json: { queue, ...filters, ...session() },
      }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/** Items per status in each queue: off the key-press path, refreshed every few seconds and after actions. */
export const countsQuery = () =>
  queryOptions({
    queryKey: reviewKeys.counts(),
    queryFn: () =>
      fetchJson<{ sft: Record<string, number>; pairs: Record<string, number> }>("/api/review/counts"),
    refetchInterval: 5_000,
  });
export const useQueueCounts = () => useQuery(countsQuery());

export const itemQuery = (queue: ReviewQueue, id: string) =>
  queryOptions({
    queryKey: reviewKeys.item(queue, id),
    queryFn: () =>
      fetchJson<{ item: ReviewItemView; history: HistoryEntry[] }>(`/api/review/${queue}/${id}/history`),
  });

export type ActionInput = {
  queue: ReviewQueue;
  id: string;
  action: ReviewRouteAction;
  body?: RejectInput | EditSftInput | { sql: string };
};

/** One review action; the deck is read again afterwards (which claims the next item ahead). */
export function useReviewAction(
  callbacks: {
    onMutate?: (input: ActionInput) => void;
    onError?: (error: Error, input: ActionInput) => void;
  } = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ queue, id, action, body }: ActionInput) =>
      fetchJson<ReviewActionResponse>(`/api/review/${queue}/${id}/${action}`, {
        method: "POST",
        json: body ?? {},
      }),
    onMutate: callbacks.onMutate,
    onError: callbacks.onError,
    onSettled: (_data, _error, input) => {
      // a deck read already on its way is not restarted: fast key presses must not starve it
      void client.invalidateQueries({ queryKey: reviewKeys.decks() }, { cancelRefetch: false });
      void client.invalidateQueries({ queryKey: reviewKeys.counts() }, { cancelRefetch: false });
      void client.invalidateQueries({ queryKey: reviewKeys.item(input.queue, input.id) });
    },
  });
}

/** Undo of the reviewer's last action, sent once `unsettled` (the decisions still on their way) have their answers. */
export function useUndo(
  unsettled: () => Promise<unknown>,
  onDone: (undone: { queue: ReviewQueue; id: string; undone: string }) => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await unsettled();
      return fetchJson<{ queue: ReviewQueue; id: string; undone: string }>("/api/review/undo", {
        method: "POST",
      });
    },
    onSuccess: (undone) => {
      onDone(undone);
      void client.invalidateQueries({ queryKey: reviewKeys.all });
    },
  });
}

export const sendHeartbeat = (ids: string[]) =>
  fetchJson<{ renewed: number }>("/api/review/heartbeat", { method: "POST", json: { ids } });
