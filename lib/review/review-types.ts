import { z } from "zod";
import { ITEM_KINDS } from "@/lib/items/item-kinds";

// The review workspace's shared vocabulary: queues, statuses, reject reasons and action inputs.
// Client-safe (zod only): the forms, the route handlers and the domain use the same schemas.

/** A review queue is one kind of item (lib/items/item-kinds.ts). */
export const reviewQueueSchema = z.enum(ITEM_KINDS);
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

export const REJECT_REASONS = [
  { value: "wrong_sql", label: "Wrong SQL" },
  { value: "ambiguous_question", label: "Question ambiguous or unanswerable" },
  { value: "trivial", label: "Trivial" },
  { value: "duplicate", label: "Duplicate" },
  { value: "other", label: "Other" },
] as const;

export const rejectInputSchema = z
  .object({
    reason: z.enum(["wrong_sql", "ambiguous_question", "trivial", "duplicate", "other"]),
    note: z.string().trim().max(2_000).optional(),
  })
  .refine((r) => r.reason !== "other" || Boolean(r.note), {
    message: "say why in a note when the reason is other",
    path: ["note"],
  });

export const editSftInputSchema = z.object({
  sql: z.string().trim().min(1, "the SQL is empty").max(100_000),
  question: z.string().trim().min(5, "the question is too short").max(2_000).optional(),
});

export const editPairInputSchema = z.object({
  sql: z.string().trim().min(1, "the SQL is empty").max(100_000),
});

export type RejectInput = z.infer<typeof rejectInputSchema>;
export type EditSftInput = z.infer<typeof editSftInputSchema>;
