import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { REVIEW_ROUTE_ACTIONS } from "@/lib/review/review-action-request";
import { runReviewAction } from "@/lib/review/run-review-action";
import { reviewQueueSchema } from "@/lib/review/review-types";

const params = z.object({
  queue: reviewQueueSchema,
  id: z.string().min(1).max(64),
  action: z.enum(REVIEW_ROUTE_ACTIONS),
});

export const POST = handleRoute(
  { auth: "review", params, body: z.unknown() },
  async ({ params, body, user }) => runReviewAction(user, params, body),
);
