import { handleRoute } from "@/lib/api/route-handler";
import { env } from "@/lib/env";
import { renewReviewLeases } from "@/lib/review/claim-review-items";
import { requireReviewer } from "@/lib/review/reviewer";

export const POST = handleRoute({}, async ({ request }) => ({ renewed: await renewReviewLeases((await requireReviewer(request)).id, env.SENSE_REVIEW_LEASE_MS) }));
