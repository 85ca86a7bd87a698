import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { readItemHistory } from "@/lib/review/item-history";
import { readReviewItem } from "@/lib/review/read-review-item";
import { reviewQueueSchema } from "@/lib/review/review-types";

const params = z.object({ queue: reviewQueueSchema, id: z.string().min(1).max(64) });

export const GET = handleRoute({ auth: "review", params }, async ({ params }) => ({
  item: await readReviewItem(params.queue, params.id),
  history: await readItemHistory(params.queue, params.id),
}));
