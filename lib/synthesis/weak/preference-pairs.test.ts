import { describe, expect, it } from "vitest";
import { NearDuplicateFilter } from "@/lib/synthesis/near-duplicates";
import {
  planPreferencePairs,
  verdictKind,
  type JudgedCandidate,
} from "@/lib/synthesis/weak/preference-pairs";

const gold = "SELECT name FROM ports";
const candidates: JudgedCandidate[] = [
  { index: 0, sql: "select name from ports", verdict: "correct" },
  { index: 1, sql: "SELECT name FROM ports WHERE 0", verdict: "wrong_result" },
  { index: 2, sql: "select  name from ports where 0", verdict: "wrong_result" }, // same after normalization
  { index: 3, sql: null, verdict: "unparsable" },
  { index: 4, sql: "SELECT nme FROM ports", verdict: "error" },
  { index: 5, sql: "SELECT name FROM ports ORDER BY 1", verdict: "correct" },
];

describe("planPreferencePairs", () => {
  it("pairs the gold with each distinct wrong answer, up to the cap", () => {
    const pairs = planPreferencePairs(gold, candidates, { chosen: "gold", maxPairs: 5 });
    expect(pairs.map((p) => [p.chosenSource, p.rejectedIndex])).toEqual([
      ["gold", 1],
      ["gold", 4],
    ]);
    expect(planPreferencePairs(gold, candidates, { chosen: "gold", maxPairs: 1 })).toHaveLength(1);
  });

  it("can choose a correct answer instead of the gold, and falls back to the gold without one", () => {
    const [pair] = planPreferencePairs(gold, candidates, { chosen: "correct-candidate", maxPairs: 1 });
    expect(pair).toMatchObject({
      chosenSource: "candidate",
      chosenIndex: 0,
      chosenSql: "select name from ports",
      rejectedIndex: 1,
    });
    const [fallback] = planPreferencePairs(gold, candidates.slice(1, 5), {
      chosen: "correct-candidate",
      maxPairs: 1,
    });
    expect(fallback).toMatchObject({ chosenSource: "gold", chosenSql: gold });
  });

  it("makes no pair when every answer is right or unreadable", () => {
    expect(
      planPreferencePairs(gold, [candidates[0]!, candidates[3]!], { chosen: "gold", maxPairs: 3 }),
    ).toEqual([]);
  });
});

describe("verdictKind", () => {
  it("maps the engine's verdict to correct, wrong result, error or timeout", () => {
    expect(verdictKind({ match: true, predError: null })).toBe("correct");
    expect(verdictKind({ match: false, predError: null })).toBe("wrong_result");
    expect(verdictKind({ match: false, predError: { kind: "error", message: "no such column: x" } })).toBe(
      "error",
    );
    expect(
      verdictKind({
        match: false,
        predError: { kind: "timeout", message: "timeout: The query ran longer than 10 ms and was stopped." },
      }),
    ).toBe("timeout");
  });
});

describe("NearDuplicateFilter", () => {
  it("drops a repeated question (after normalization) or SQL with the same template", () => {
    const filter = new NearDuplicateFilter([
      { question: "How many ports are there?", sql: "SELECT count(*) FROM ports" },
    ]);
    expect(filter.check({ question: "how many ports are there", sql: "SELECT 1" })).toBe("same question");
    expect(
      filter.check({
        question: "Which ports are in Spain?",
        sql: "SELECT name FROM ports WHERE country = 'Spain'",
      }),
    ).toBeNull();
    expect(
      filter.check({
        question: "Which ports are in France?",
        sql: "select name from ports where country = 'France'",
      }),
    ).toBe("same SQL template");
    expect(filter.check({ question: "Name the ports.", sql: "SELECT name FROM ports" })).toBeNull();
  });
});
