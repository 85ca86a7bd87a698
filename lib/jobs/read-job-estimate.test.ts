import { beforeAll, describe, expect, it } from "vitest";
import { readJobEstimate } from "@/lib/jobs/read-job-estimate";
import { createProvider } from "@/lib/providers/providers";
import { seedDemo } from "@/lib/seed/seed-demo";

beforeAll(async () => {
  await seedDemo();
  await createProvider({
    name: "priced",
    baseUrl: "http://127.0.0.1:9/v1",
    model: "m",
    maxTokens: 1000,
    inputPricePerMTok: 2.5,
    outputPricePerMTok: 10,
  });
  await createProvider({ name: "free", baseUrl: "http://127.0.0.1:9/v1", model: "m" });
});

describe("the new-job estimate", () => {
  it("counts a weak job's tasks from its selection and its limit, sizes the prompts from their files and prices the tokens", async () => {
    const e = await readJobEstimate({
      kind: "weak",
      provider: "priced",
      tasks: { database: "city_library" },
      samples: 2,
    });
    expect(e.taskCount).toBe(36);
    expect(e.requests).toBe(72);
    expect(e.promptTokens).toBeGreaterThan(72 * 800); // the schema allowance plus the template itself
    expect(e.costUsd).toBeGreaterThan(0);
    expect(
      (
        await readJobEstimate({
          kind: "weak",
          provider: "priced",
          tasks: { database: "city_library", limit: 5 },
        })
      ).taskCount,
    ).toBe(5);
  });

  it("says a provider without prices gives no cost, and names an unknown provider", async () => {
    const e = await readJobEstimate({ kind: "strong", provider: "free", domains: ["ferries"] });
    expect(e.costUsd).toBeNull();
    expect(e.requests).toBeGreaterThan(1);
    await expect(
      readJobEstimate({ kind: "strong", provider: "nobody", domains: ["ferries"] }),
    ).rejects.toThrow(/nobody/);
  });
});
