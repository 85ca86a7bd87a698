import { describe, expect, it } from "vitest";
import { estimateJob } from "@/lib/jobs/job-estimate";
import { jobConfigSchema } from "@/lib/jobs/job-config";

const priced = { maxTokens: 1000, inputPricePerMTok: 2, outputPricePerMTok: 10 };

describe("a job's estimate before it starts", () => {
  it("counts a strong job's requests and tokens from its plan and the prompt sizes, and prices them", () => {
    const config = jobConfigSchema.parse({
      kind: "strong",
      provider: "p",
      domains: ["ferries", "bees"],
      questionsPerDatabase: 6,
    });
    const e = estimateJob(config, { "strong-database": 4000, "strong-questions": 2000 }, priced);
    // 2 databases × (1 build + 4 question requests: easy 2, medium 2, hard 1, extra 1)
    expect(e.requests).toBe(10);
    // builds: 1000 tokens of prompt each; questions: 500 + 800 schema + 200 examples each
    expect(e.promptTokens).toBe(2 * 1000 + 8 * 1500);
    // builds: max tokens; questions: 90 a question (6 per database)
    expect(e.completionTokens).toBe(2 * 1000 + 2 * 6 * 90);
    expect(e.costUsd).toBeCloseTo((14000 * 2 + 3080 * 10) / 1e6, 10);
  });

  it("counts a weak job's k requests per task, and says when the provider has no prices", () => {
    const config = jobConfigSchema.parse({ kind: "weak", provider: "p", samples: 4 });
    const e = estimateJob(
      config,
      { "weak-answer": 400 },
      { maxTokens: 1000, inputPricePerMTok: null, outputPricePerMTok: null },
      36,
    );
    expect(e).toMatchObject({
      requests: 144,
      promptTokens: 144 * 900,
      completionTokens: 144 * 120,
      costUsd: null,
    });
    expect(e.notes.join(" ")).toMatch(/no prices set/);
  });

  it("says a mutation job costs nothing", () => {
    expect(estimateJob(jobConfigSchema.parse({ kind: "mutation", tasks: {} }), {}, null)).toMatchObject({
      requests: 0,
      costUsd: 0,
    });
  });
});
