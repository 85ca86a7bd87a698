import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { requireReviewer } from "@/lib/review/reviewer";
import { runReviewAction } from "@/lib/review/run-review-action";
import { reviewQueueSchema } from "@/lib/review/review-types";

const params = z.object({ queue: reviewQueueSchema, id: z.string().min(1).max(64), action: z.enum(["accept", "reject", "edit", "swap", "release"]) });

export const POST = handleRoute({ params, body: z.unknown() }, async ({ params, body, request }) => runReviewAction(await requireReviewer(request), params, body));
