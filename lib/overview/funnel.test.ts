import { describe, expect, it } from "vitest";
import { jobFunnel, overallFunnel } from "@/lib/overview/funnel";

const m = (o: Record<string, number>) => new Map(Object.entries(o));

describe("the synthesis funnel", () => {
  it("follows SFT samples from written to exported, and pairs from answers to exported", () => {
    const funnel = overallFunnel({
      sftStatus: m({ pending: 3, accepted: 2, edited: 1, rejected: 1, discarded: 2 }),
      strongExec: m({ ok: 7, error: 2 }),
      candidateVerdicts: m({
        "weak-model\x1fcorrect": 5,
        "weak-model\x1fwrong_result": 3,
        "mutation\x1fwrong_result": 4,
      }),
      pairStatus: m({ pending: 4, accepted: 1 }),
      exportedRows: { sft: 3, pairs: 0 },
    });
    expect(funnel.sft.map((s) => [s.stage, s.n])).toEqual([
      ["synthesized", 9],
      ["executed", 7],
      ["flagged for review", 7],
      ["reviewed", 4],
      ["exported", 3],
    ]);
    expect(funnel.sft[3]!.detail).toEqual({ accepted: 2, edited: 1, rejected: 1 });
    expect(funnel.pairs.map((s) => s.n)).toEqual([12, 12, 5, 1, 0]);
    expect(funnel.pairs[1]!.detail).toEqual({ correct: 5, wrong: 7 });
  });

  it("reads one job's counters and leaves its exports unknown", () => {
    const strong = jobFunnel(
      "strong",
      m({
        "sample:ok": 4,
        "sample:error": 1,
        "sft:pending": 2,
        "sft:accepted": 2,
        "sft:discarded": 1,
        calls: 9,
      }),
    );
    expect(strong.map((s) => s.n)).toEqual([5, 4, 4, 2, null]);
    const weak = jobFunnel(
      "weak",
      m({ "candidate:correct": 6, "candidate:error": 2, "pair:pending": 2, "pair:rejected": 1 }),
    );
    expect(weak.map((s) => s.n)).toEqual([8, 8, 3, 1, null]);
    expect(jobFunnel("mutation", undefined).map((s) => s.n)).toEqual([0, 0, 0, 0, null]);
  });
});
