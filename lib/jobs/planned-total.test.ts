import { describe, expect, it } from "vitest";
import { strongJobConfigSchema } from "@/lib/jobs/job-config";
import { plannedStrongTotal } from "@/lib/jobs/planned-total";
import type { StrongPlanFacts } from "@/lib/jobs/strong-plan-facts";

const config = (o: object) => strongJobConfigSchema.parse({ kind: "strong", provider: "p", ...o });
const facts = (o: Partial<StrongPlanFacts> = {}): StrongPlanFacts => ({
  proposalEnded: false,
  proposedDomains: 0,
  failedBuilds: 0,
  ...o,
});
const noProposal = facts();

describe("a strong job's planned total", () => {
  it("counts every item up front: builds and their question requests (a part per difficulty, at most 10 questions each)", () => {
    // 2 domains × 1 database; 8 questions over 4 difficulties = 4 requests a database; 2 × (1 + 4) = 10
    const c = config({ domains: ["ferries", "bees"], questionsPerDatabase: 8 });
    expect(plannedStrongTotal(c, { status: "running", itemsTotal: 2 }, noProposal)).toEqual({
      total: 10,
      discovering: false,
    });
    // and it does not move as builds add their question items
    expect(plannedStrongTotal(c, { status: "running", itemsTotal: 6 }, noProposal)).toEqual({
      total: 10,
      discovering: false,
    });
  });

  it("is still being discovered, with no made-up upper bound, until the model has proposed its domains", () => {
    const c = config({
      domains: ["ferries"],
      proposeDomains: 100,
      questionsPerDatabase: 20,
      difficultyMix: { easy: 1, medium: 0, hard: 0, extra: 0 },
    });
    // the ferries build and the proposal are all that is known
    expect(plannedStrongTotal(c, { status: "running", itemsTotal: 2 }, noProposal)).toEqual({
      total: 2,
      discovering: true,
    });
  });

  it("is planned as soon as the domains are proposed: the domains named, not the number asked, and it holds until the end", () => {
    const c = config({
      domains: ["ferries"],
      proposeDomains: 100,
      questionsPerDatabase: 20,
      difficultyMix: { easy: 1, medium: 0, hard: 0, extra: 0 },
    });
    // 1 given + 18 proposed domains, each 1 build + 2 requests of 10 easy questions, + the proposal: 19 × 3 + 1
    const proposed = facts({ proposalEnded: true, proposedDomains: 18 });
    expect(plannedStrongTotal(c, { status: "running", itemsTotal: 1 + 1 + 18 }, proposed)).toEqual({
      total: 58,
      discovering: false,
    });
    expect(plannedStrongTotal(c, { status: "running", itemsTotal: 40 }, proposed)).toEqual({
      total: 58,
      discovering: false,
    });
    // a proposal that failed for good leaves the given domains
    expect(
      plannedStrongTotal(c, { status: "running", itemsTotal: 2 }, facts({ proposalEnded: true })),
    ).toEqual({ total: 4, discovering: false });
    expect(plannedStrongTotal(c, { status: "done", itemsTotal: 55 }, proposed)).toEqual({
      total: 55,
      discovering: false,
    });
  });

  it("drops a database's question requests once its build has failed for good", () => {
    // 2 domains × 1 database, 4 requests each: 10; one build failed: its 4 requests never come
    const c = config({ domains: ["ferries", "bees"], questionsPerDatabase: 8 });
    expect(plannedStrongTotal(c, { status: "running", itemsTotal: 6 }, facts({ failedBuilds: 1 }))).toEqual({
      total: 6,
      discovering: false,
    });
    expect(plannedStrongTotal(c, { status: "running", itemsTotal: 2 }, facts({ failedBuilds: 2 }))).toEqual({
      total: 2,
      discovering: false,
    });
  });
});
