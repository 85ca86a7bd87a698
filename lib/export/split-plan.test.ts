import { describe, expect, it } from "vitest";
import { chooseValidation, type SchemaGroup } from "@/lib/export/split-plan";

const groups = (...rows: number[]): SchemaGroup[] =>
  rows.map((n, i) => ({ key: `k${i}`, databases: [`db_${i}`], rows: n }));
const held = (outcome: ReturnType<typeof chooseValidation>) =>
  outcome.ok ? outcome.choice.rows.validation : null;

describe("choosing the held-out schemas by rows", () => {
  it("comes within a quarter of the requested share for every seed when the schemas allow it", () => {
    for (let seed = 0; seed < 200; seed++) {
      const outcome = chooseValidation(groups(40, 24, 12, 10, 6, 4, 2, 2), 0.1, seed);
      expect(outcome.ok).toBe(true);
      expect(held(outcome)).toBeGreaterThanOrEqual(7.5);
      expect(held(outcome)).toBeLessThanOrEqual(12.5);
    }
  });

  it("holds out different schemas for different seeds, the same for the same seed", () => {
    const chosen = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const a = chooseValidation(groups(...Array.from({ length: 30 }, () => 10)), 0.2, seed);
      const b = chooseValidation(groups(...Array.from({ length: 30 }, () => 10)), 0.2, seed);
      expect(a).toEqual(b);
      if (a.ok)
        chosen.add(
          a.choice.validation
            .map((g) => g.key)
            .sort()
            .join(),
        );
      expect(held(a)).toBe(60);
    }
    expect(chosen.size).toBeGreaterThan(40);
  });

  it("never holds out every schema, nor none", () => {
    const outcome = chooseValidation(groups(1, 1000), 0.5, 3);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toContain("holds out 1 of 1001 rows (0.1%)");
  });

  it("names why a split cannot be made: one schema, or shares these schemas cannot give", () => {
    const one = chooseValidation([{ key: "k", databases: ["a", "b", "c"], rows: 30 }], 0.1, 1);
    expect(one).toEqual({
      ok: false,
      reason: expect.stringContaining(
        "needs at least two distinct schemas; this selection has 1 schema (3 databases share it: a, b, c)",
      ),
    });
    const far = chooseValidation(groups(50, 50), 0.1, 1);
    expect(far).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /holds out 50 of 100 rows \(50%\); a validation share of 0\.1 allows 7\.5–12\.5%\. Rows per schema .*db_0: 50; db_1: 50/,
      ),
    });
  });
});
