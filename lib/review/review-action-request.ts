import type { z } from "zod";
import {
  editPairInputSchema,
  editSftInputSchema,
  rejectInputSchema,
  type ReviewQueue,
} from "@/lib/review/review-types";

/** The actions of POST /api/review/<queue>/<id>/<action> (the route's params and the client's hook use this list). */
export const REVIEW_ROUTE_ACTIONS = ["accept", "reject", "edit", "swap", "release"] as const;
export type ReviewRouteAction = (typeof REVIEW_ROUTE_ACTIONS)[number];

/**
 * The body of POST /api/review/<queue>/<id>/<action>, told apart by the action (and, for an edit,
 * the queue): accept, swap and release take none, reject a reason, an edit the SQL of its kind.
 */
export type ReviewActionRequest =
  | { action: "accept" | "swap" | "release"; queue: ReviewQueue }
  | { action: "reject"; queue: ReviewQueue; body: z.input<typeof rejectInputSchema> }
  | { action: "edit"; queue: "sft"; body: z.input<typeof editSftInputSchema> }
  | { action: "edit"; queue: "pairs"; body: z.input<typeof editPairInputSchema> };

/**
 * Checks an untrusted body against the schema its action takes and gives the typed request; a bad
 * body throws the schema's ZodError, which the route wrapper turns into the usual 400 in words.
 */
export function readReviewActionRequest(
  queue: ReviewQueue,
  action: ReviewRouteAction,
  body: unknown,
): ReviewActionRequest {
  switch (action) {
    case "accept":
    case "swap":
    case "release":
      return { action, queue };
    case "reject":
      return { action, queue, body: rejectInputSchema.parse(body) };
    case "edit":
      return queue === "sft"
        ? { action, queue, body: editSftInputSchema.parse(body) }
        : { action, queue, body: editPairInputSchema.parse(body) };
  }
}
