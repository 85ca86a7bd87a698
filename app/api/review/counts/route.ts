import { handleRoute } from "@/lib/api/route-handler";
import { countReviewQueues } from "@/lib/review/read-review-queues";

export const GET = handleRoute({ auth: "review" }, () => countReviewQueues());
