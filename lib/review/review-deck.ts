import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { claimReviewItems, releaseOtherReviewItems } from "@/lib/review/claim-review-items";
import { readReviewItems } from "@/lib/review/read-review-item";
import type { Reviewer } from "@/lib/review/reviewer";
import { reviewQueueSchema } from "@/lib/review/review-types";
import { queueItemFilterFields, refineQueueOrigin } from "@/lib/review/review-queue-filters";

/** How many items a reviewer holds at once: the one on screen and the next ones, loaded ahead. */
export const DECK_SIZE = 3;

export const deckRequestSchema = z
  .object({
    queue: reviewQueueSchema,
    ...queueItemFilterFields,
    skip: z.array(z.string().max(64)).max(500).default([]), // items the reviewer skipped this session
    pin: z.string().max(64).optional(), // an item the reviewer just undid: shown first
  })
  .superRefine(refineQueueOrigin);

export type DeckRequest = z.input<typeof deckRequestSchema>;

/**
 * The reviewer's deck: the items they hold in this queue under these filters (claiming more up to
 * DECK_SIZE), with their views. Items they held elsewhere (another queue, other filters) go back.
 */
export async function readReviewDeck(reviewer: Reviewer, input: z.input<typeof deckRequestSchema>) {
  const { queue, skip, pin, ...filters } = deckRequestSchema.parse(input);
  const ids = await claimReviewItems(reviewer.id, queue, filters, {
    want: DECK_SIZE,
    leaseMs: env.SENSE_REVIEW_LEASE_MS,
    skip,
    pin,
  });
  await releaseOtherReviewItems(reviewer.id, ids);
  return { reviewer, items: await readReviewItems(queue, ids), leaseMs: env.SENSE_REVIEW_LEASE_MS };
}

export type ReviewDeck = Awaited<ReturnType<typeof readReviewDeck>>;
