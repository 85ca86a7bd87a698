import { describe, expect, it } from "vitest";
import { orderByDifficulty } from "@/lib/items/difficulty-order";

describe("difficulty order", () => {
  it("puts Spider's levels in their order, not the alphabet's", () => {
    expect(Object.keys(orderByDifficulty({ easy: 1, extra: 2, hard: 3, medium: 4 }))).toEqual([
      "easy",
      "medium",
      "hard",
      "extra",
    ]);
  });

  it("puts BIRD's levels in their order, others after them and unknown last", () => {
    expect(
      Object.keys(orderByDifficulty({ unknown: 1, challenging: 1, zeta: 1, moderate: 1, simple: 1 })),
    ).toEqual(["simple", "moderate", "challenging", "zeta", "unknown"]);
  });
});
