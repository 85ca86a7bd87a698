import { handleRoute } from "@/lib/api/route-handler";
import { env } from "@/lib/env";
import { requireReviewer } from "@/lib/review/reviewer";
import { undoLastAction } from "@/lib/review/undo-review-action";

export const POST = handleRoute({}, async ({ request }) => undoLastAction(await requireReviewer(request), env.SENSE_REVIEW_LEASE_MS));
