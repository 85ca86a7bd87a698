import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auditFiltersSchema } from "@/lib/audit/audit-filters";
import { QUEUE_FILTER_KEYS, reviewQueueFiltersSchema } from "@/lib/review/review-queue-filters";
import { TASK_FILTER_KEYS, taskFiltersSchema } from "@/lib/tasks/task-filters";
import { parsePageParams, pastTheEnd } from "@/lib/util/page-params";

describe("parsePageParams", () => {
  it("gives the values of good params", () => {
    const parsed = parsePageParams(reviewQueueFiltersSchema, { queue: "pairs", status: "accepted" });
    expect(parsed.ok && parsed.values).toMatchObject({ queue: "pairs", status: "accepted", pageSize: 20 });
  });

  it("names each bad parameter as the address writes it, with its allowed values, instead of throwing", () => {
    const parsed = parsePageParams(reviewQueueFiltersSchema, {
      queue: "zzz",
      status: "qq",
      pageSize: "5000",
    });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual([
      "The “queue” parameter must be one of: sft, pairs (not “zzz”).",
      "The “status” parameter must be one of: pending, accepted, edited, rejected, discarded (not “qq”).",
      "The “pageSize” parameter can be at most 100.",
    ]);
  });

  it("refuses a parameter given twice, and says a page past the end with how many pages there are", () => {
    const parsed = parsePageParams(z.object({ page: z.coerce.number().int().min(1).optional() }), {
      page: ["1", "2"],
    });
    expect(!parsed.ok && parsed.problems).toEqual(["The “page” parameter is given 2 times; give it once."]);
    expect(pastTheEnd(99999, 1, "the 36 tasks in the store", "50 a page")).toBe(
      "Page 99999 is past the end: the 36 tasks in the store fill 1 page (50 a page).",
    );
    expect(pastTheEnd(9, 3, "its 60 tables")).toBe("Page 9 is past the end: its 60 tables fill 3 pages.");
  });

  it("drops a filter with an unknown value, saying which parameter and what it may be, and keeps the rest", () => {
    const review = parsePageParams(
      reviewQueueFiltersSchema,
      { difficulty: "impossible", database: "city_library" },
      { droppable: QUEUE_FILTER_KEYS },
    );
    expect(review.ok && review.dropped).toEqual([
      "The “difficulty” parameter must be one of: easy, medium, hard, extra, simple, moderate, challenging (not “impossible”).",
    ]);
    expect(review.ok && review.values).toMatchObject({ queue: "sft", database: "city_library" });
    expect(review.ok && "difficulty" in review.values && review.values.difficulty).toBeFalsy();
    expect(review.raw).toEqual({ database: "city_library" }); // links built from the address leave it out
    const tasks = parsePageParams(
      taskFiltersSchema,
      { hardness: "bogus", split: "dev" },
      { droppable: TASK_FILTER_KEYS },
    );
    expect(tasks.ok && tasks.dropped).toEqual([
      "The “hardness” parameter must be one of: easy, medium, hard, extra (not “bogus”).",
    ]);
    expect(tasks.ok && tasks.values).toMatchObject({ split: "dev" });
    expect(tasks.ok && tasks.values.hardness).toBeFalsy();
    // an origin is checked against the queue's own
    const pairs = parsePageParams(
      reviewQueueFiltersSchema,
      { queue: "pairs", origin: "strong" },
      { droppable: QUEUE_FILTER_KEYS },
    );
    expect(pairs.ok && pairs.dropped).toEqual([
      "The “origin” parameter must be one of: weak, mutation, imported in the pairs queue (not “strong”).",
    ]);
    const audit = parsePageParams(auditFiltersSchema, { action: "nope" }, { droppable: ["action"] });
    expect(audit.ok && audit.dropped.join(" ")).toMatch(/“action” parameter must be one of .*export\.start/);
  });

  it("still refuses the page when a parameter that is no filter is bad, naming every bad one", () => {
    const parsed = parsePageParams(
      reviewQueueFiltersSchema,
      { queue: "bogus", difficulty: "impossible" },
      { droppable: QUEUE_FILTER_KEYS },
    );
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.join(" ")).toMatch(
      /“queue” parameter must be one of: sft, pairs.*“difficulty” parameter/,
    );
  });
});
