import { describe, expect, it } from "vitest";
import { verdictLabel, verdictTone, verdictToneClasses } from "@/lib/review/verdict-tones";

describe("verdictTone", () => {
  it("draws wrong answers red, correct ones green, answers that did not run amber", () => {
    expect(verdictTone("wrong_result")).toBe("red");
    expect(verdictTone("wrong_columns")).toBe("red");
    expect(verdictTone("correct")).toBe("green");
    for (const v of ["error", "timeout", "unparsable"]) expect(verdictTone(v)).toBe("amber");
    expect(verdictTone("swapped")).toBe("neutral");
    expect(verdictTone(null)).toBe("neutral");
  });
  it("never gives a wrong answer a green class", () => {
    expect(verdictToneClasses[verdictTone("wrong_result")].badge).toMatch(/red/);
    expect(verdictToneClasses[verdictTone("wrong_result")].swatch).not.toMatch(/emerald|green/);
  });
  it("says a verdict in words", () => {
    expect(verdictLabel("wrong_result")).toBe("wrong result");
    expect(verdictLabel(undefined)).toBe("unknown");
  });
});
