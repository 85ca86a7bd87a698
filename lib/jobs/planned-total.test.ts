import { describe, expect, it } from "vitest";
import { strongJobConfigSchema } from "@/lib/jobs/job-config";
import { plannedStrongTotal } from "@/lib/jobs/planned-total";

const config = (o: object) => strongJobConfigSchema.parse({ kind: "strong", provider: "p", ...o });

describe("a strong job's planned total", () => {
  it("counts every item up front: builds and their question requests (a part per difficulty, at most 10 questions each)", () => {
    // 2 domains × 1 database; 8 questions over 4 difficulties = 4 requests a database; 2 × (1 + 4) = 10
    const c = config({ domains: ["ferries", "bees"], questionsPerDatabase: 8 });
    expect(plannedStrongTotal(c, { status: "running", itemsTotal: 2 })).toEqual({ total: 10, discovering: false });
    // and it does not move as builds add their question items
    expect(plannedStrongTotal(c, { status: "running", itemsTotal: 6 })).toEqual({ total: 10, discovering: false });
  });

  it("says when domains are still being proposed, and reads the stored total once the job is over", () => {
    const c = config({ domains: [], proposeDomains: 3, questionsPerDatabase: 20, difficultyMix: { easy: 1, medium: 0, hard: 0, extra: 0 } });
    expect(plannedStrongTotal(c, { status: "running", itemsTotal: 1 })).toEqual({ total: 3 * (1 + 2) + 1, discovering: true });
    expect(plannedStrongTotal(c, { status: "done", itemsTotal: 7 })).toEqual({ total: 7, discovering: false });
  });
});
