import { describe, expect, it } from "vitest";
import { bucketThroughput } from "@/lib/overview/throughput";

describe("throughput over time", () => {
  it("puts counts in their hour and day, every hour and day present, older ones left out", () => {
    const now = new Date("2026-12-02T14:20:00Z");
    const synth = new Map([
      ["2026-12-02T14\x1fsft", 5],
      ["2026-12-02T13\x1fpair", 2],
      ["2026-12-02T13\x1fcandidate", 8],
      ["2026-11-30T09\x1fsft", 4],
      ["2026-10-01T09\x1fsft", 99],
    ]);
    const reviews = new Map([
      ["2026-12-02T14", 3],
      ["2026-12-01T10", 6],
    ]);
    const { perHour, perDay } = bucketThroughput(now, synth, reviews);
    expect(perHour).toHaveLength(24);
    expect(perHour.at(-1)).toEqual({ hour: "2026-12-02T14", sft: 5, pairs: 0, answers: 0, reviews: 3 });
    expect(perHour.at(-2)).toEqual({ hour: "2026-12-02T13", sft: 0, pairs: 2, answers: 8, reviews: 0 });
    expect(perHour[0]!.hour).toBe("2026-12-01T15");
    expect(perDay).toHaveLength(14);
    expect(perDay.at(-1)).toEqual({ day: "2026-12-02", sft: 5, pairs: 2, answers: 8, reviews: 3 });
    expect(perDay.find((d) => d.day === "2026-11-30")?.sft).toBe(4);
    expect(perDay.reduce((a, d) => a + d.sft, 0)).toBe(9);
  });
});
