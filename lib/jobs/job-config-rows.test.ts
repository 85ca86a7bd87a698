import { describe, expect, it } from "vitest";
import { jobConfigRows } from "@/lib/jobs/job-config-rows";

describe("jobConfigRows", () => {
  it("lists a weak job's settings in words, without JSON and without the provider", () => {
    const rows = jobConfigRows({
      kind: "weak",
      provider: "demo-weak",
      source: "tasks",
      tasks: { database: "city_library", limit: 36 },
      samples: 4,
      temperature: 0.8,
      metric: "spider",
      chosen: "gold",
      maxPairsPerTask: 2,
    });
    expect(rows).toEqual([
      { label: "Kind", value: "weak" },
      { label: "Source", value: "tasks" },
      { label: "Tasks", value: "database city_library, limit 36" },
      { label: "Samples per task", value: "4" },
      { label: "Temperature", value: "0.8" },
      { label: "Metric", value: "spider" },
      { label: "Chosen side", value: "gold" },
      { label: "Most pairs per task", value: "2" },
    ]);
    expect(rows.map((r) => r.value).join(" ")).not.toMatch(/[{}"]/);
  });

  it("joins lists, spells a difficulty mix, says when no task filter narrows the tasks, and skips unset settings", () => {
    const rows = jobConfigRows({
      kind: "strong",
      domains: ["ferry timetables", "seed bank"],
      difficultyMix: { easy: 2, extra: 1 },
      tasks: {},
      temperature: undefined,
      proposeDomains: 0,
      flag: true,
    });
    expect(rows).toEqual([
      { label: "Kind", value: "strong" },
      { label: "Domains", value: "ferry timetables, seed bank" },
      { label: "Difficulty mix", value: "easy 2, extra 1" },
      { label: "Tasks", value: "all" },
      { label: "Domains the model proposes", value: "0" },
      { label: "Flag", value: "yes" },
    ]);
    expect(jobConfigRows({ kind: "strong", domains: [] })).toContainEqual({
      label: "Domains",
      value: "none",
    });
  });
});
