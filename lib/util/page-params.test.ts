import { describe, expect, it } from "vitest";
import { z } from "zod";
import { reviewQueueFiltersSchema } from "@/lib/review/review-queue-filters";
import { parsePageParams, pastTheEnd } from "@/lib/util/page-params";

describe("parsePageParams", () => {
  it("gives the values of good params", () => {
    const parsed = parsePageParams(reviewQueueFiltersSchema, { queue: "pairs", status: "accepted" });
    expect(parsed.ok && parsed.values).toMatchObject({ queue: "pairs", status: "accepted", pageSize: 20 });
  });

  it("names each bad parameter as the address writes it, with its allowed values, instead of throwing", () => {
    const parsed = parsePageParams(reviewQueueFiltersSchema, { queue: "zzz", status: "qq", pageSize: "5000" });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual([
      "The “queue” parameter must be one of: sft, pairs (not “zzz”).",
      "The “status” parameter must be one of: pending, accepted, edited, rejected, discarded (not “qq”).",
      "The “pageSize” parameter can be at most 100.",
    ]);
  });

  it("refuses a parameter given twice, and says a page past the end with how many pages there are", () => {
    const parsed = parsePageParams(z.object({ page: z.coerce.number().int().min(1).optional() }), { page: ["1", "2"] });
    expect(!parsed.ok && parsed.problems).toEqual(["The “page” parameter is given 2 times; give it once."]);
    expect(pastTheEnd(99999, 1, "the 36 tasks in the store", "50 a page")).toBe("Page 99999 is past the end: the 36 tasks in the store fill 1 page (50 a page).");
    expect(pastTheEnd(9, 3, "its 60 tables")).toBe("Page 9 is past the end: its 60 tables fill 3 pages.");
  });
});
