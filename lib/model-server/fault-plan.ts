import { z } from "zod";

/**
 * Faults the local model server injects, for tests: every Nth chat request (counting from 1)
 * answers 429 (with Retry-After), 500, garbage text, or hangs; every answer waits latencyMs first.
 */
export const faultPlanSchema = z.object({
  latencyMs: z.coerce.number().int().min(0).max(600_000).default(0),
  every429: z.coerce.number().int().min(0).default(0),
  retryAfterSeconds: z.coerce.number().min(0).max(3600).default(1),
  every500: z.coerce.number().int().min(0).default(0),
  everyGarbage: z.coerce.number().int().min(0).default(0),
  everyHang: z.coerce.number().int().min(0).default(0),
});

export type FaultPlan = z.infer<typeof faultPlanSchema>;
export type Fault = "429" | "500" | "garbage" | "hang" | null;

/** The fault for the n-th request (1-based) under a plan; checked in this order. */
export function faultFor(plan: FaultPlan, n: number): Fault {
  const hits = (every: number) => every > 0 && n % every === 0;
  if (hits(plan.every429)) return "429";
  if (hits(plan.every500)) return "500";
  if (hits(plan.everyHang)) return "hang";
  if (hits(plan.everyGarbage)) return "garbage";
  return null;
}
