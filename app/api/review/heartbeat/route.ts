import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { env } from "@/lib/env";
import { renewReviewLeases } from "@/lib/review/claim-review-items";

const body = z.object({ ids: z.array(z.string().max(64)).max(20) });

// renews the claims on the reviewer's deck (the ids it shows), nothing else
export const POST = handleRoute({ auth: "review", body }, async ({ user, body }) => ({
  renewed: await renewReviewLeases(user.id, body.ids, env.SENSE_REVIEW_LEASE_MS),
}));
