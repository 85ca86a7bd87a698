import { handleRoute } from "@/lib/api/route-handler";
import { deckRequestSchema, readReviewDeck } from "@/lib/review/review-deck";
import { requireReviewer } from "@/lib/review/reviewer";

// POST: reading the deck claims items for the reviewer.
export const POST = handleRoute({ body: deckRequestSchema }, async ({ body, request }) => readReviewDeck(await requireReviewer(request), body));
