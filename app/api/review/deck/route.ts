import { handleRoute } from "@/lib/api/route-handler";
import { deckRequestSchema, readReviewDeck } from "@/lib/review/review-deck";

// POST: reading the deck claims items for the reviewer.
export const POST = handleRoute({ auth: "review", body: deckRequestSchema }, async ({ body, user }) =>
  readReviewDeck(user, body),
);
