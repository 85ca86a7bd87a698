import "server-only";
import { invalidInput } from "@/lib/errors";
import { releaseReviewItem } from "@/lib/review/claim-review-items";
import { acceptItem, editPairChosen, editSftSample, rejectItem, swapPair } from "@/lib/review/review-actions";
import type { Reviewer } from "@/lib/review/reviewer";
import type { ReviewQueue } from "@/lib/review/review-types";

/** One review action by name (what POST /api/review/<queue>/<id>/<action> does). */
export async function runReviewAction(reviewer: Reviewer, target: { queue: ReviewQueue; id: string; action: "accept" | "reject" | "edit" | "swap" | "release" }, body: unknown) {
  const { queue, id, action } = target;
  switch (action) {
    case "accept":
      return acceptItem(reviewer, queue, id);
    case "reject":
      return rejectItem(reviewer, queue, id, body);
    case "edit":
      return queue === "sft" ? editSftSample(reviewer, id, body) : editPairChosen(reviewer, id, body);
    case "swap":
      if (queue !== "pairs") throw invalidInput("Only a preference pair can be swapped.");
      return swapPair(reviewer, id);
    case "release":
      return { id, queue, released: await releaseReviewItem(reviewer.id, queue, id) };
  }
}
