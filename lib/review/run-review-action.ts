import "server-only";
import { invalidInput } from "@/lib/errors";
import { releaseReviewItem } from "@/lib/review/claim-review-items";
import { readReviewActionRequest, type ReviewRouteAction } from "@/lib/review/review-action-request";
import { acceptItem, editPairChosen, editSftSample, rejectItem, swapPair } from "@/lib/review/review-actions";
import type { Reviewer } from "@/lib/review/reviewer";
import type { ReviewQueue } from "@/lib/review/review-types";

/** One review action by name (what POST /api/review/<queue>/<id>/<action> does); the body is checked against its action's schema. */
export async function runReviewAction(
  reviewer: Reviewer,
  target: { queue: ReviewQueue; id: string; action: ReviewRouteAction },
  body: unknown,
) {
  const { id } = target;
  const request = readReviewActionRequest(target.queue, target.action, body);
  switch (request.action) {
    case "accept":
      return acceptItem(reviewer, request.queue, id);
    case "reject":
      return rejectItem(reviewer, request.queue, id, request.body);
    case "edit":
      return request.queue === "sft"
        ? editSftSample(reviewer, id, request.body)
        : editPairChosen(reviewer, id, request.body);
    case "swap":
      if (request.queue !== "pairs") throw invalidInput("Only a preference pair can be swapped.");
      return swapPair(reviewer, id);
    case "release":
      return { id, queue: request.queue, released: await releaseReviewItem(reviewer.id, request.queue, id) };
  }
}

/** What the action route answers: derived from the function, for the client's hooks. */
export type ReviewActionResponse = Awaited<ReturnType<typeof runReviewAction>>;
