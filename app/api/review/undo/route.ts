import { handleRoute } from "@/lib/api/route-handler";
import { env } from "@/lib/env";
import { undoLastAction } from "@/lib/review/undo-review-action";

export const POST = handleRoute({ auth: "review" }, async ({ user }) =>
  undoLastAction(user, env.SENSE_REVIEW_LEASE_MS),
);
