import { describe, expect, it } from "vitest";
import { formatCostUsd, knownCostUsd } from "@/lib/jobs/job-cost";

const priced = { inputPricePerMTok: 2.5, outputPricePerMTok: 10 };
const unpriced = { inputPricePerMTok: null, outputPricePerMTok: null };

describe("knownCostUsd", () => {
  it("is unknown when the provider has no price, even though its calls were costed at 0", () => {
    expect(knownCostUsd(0, unpriced, 16)).toBeNull();
    expect(knownCostUsd(0, { inputPricePerMTok: 1, outputPricePerMTok: null }, 16)).toBeNull();
  });
  it("is the costed amount for a priced provider, a real $0 included", () => {
    expect(knownCostUsd(0.0125, priced, 3)).toBe(0.0125);
    expect(knownCostUsd(0, { inputPricePerMTok: 0, outputPricePerMTok: 0 }, 3)).toBe(0);
  });
  it("is 0 without calls, and keeps a priced cost of a job whose provider is gone", () => {
    expect(knownCostUsd(0, unpriced, 0)).toBe(0);
    expect(knownCostUsd(0.5, null, 4)).toBe(0.5);
    expect(knownCostUsd(0, null, 4)).toBeNull();
  });
});

describe("formatCostUsd", () => {
  it("says an unknown cost in the words given, never $0.0000", () => {
    expect(formatCostUsd(null)).toBe("—");
    expect(formatCostUsd(null, "cost unknown")).toBe("cost unknown");
  });
  it("shows 4 decimals below a dollar and cents above", () => {
    expect(formatCostUsd(0)).toBe("$0.0000");
    expect(formatCostUsd(0.01234)).toBe("$0.0123");
    expect(formatCostUsd(12.345)).toBe("$12.35");
  });
});
