import { describe, expect, it } from "vitest";
import { taskLevel } from "@/lib/tasks/task-level";

describe("taskLevel", () => {
  it("shows a Spider task's computed hardness, saying it is Spider hardness", () => {
    expect(taskLevel({ origin: "spider", difficulty: null, hardness: "extra" })).toEqual({
      value: "extra",
      kind: "spider-hardness",
      label: "Spider hardness",
    });
  });

  it("shows the source's difficulty when there is one, named after the source", () => {
    expect(taskLevel({ origin: "bird", difficulty: "moderate", hardness: "hard" })).toMatchObject({
      value: "moderate",
      label: "BIRD difficulty",
    });
    expect(taskLevel({ origin: "strong", difficulty: "medium", hardness: "easy" })).toMatchObject({
      value: "medium",
      label: "synthesized level",
    });
    expect(taskLevel({ origin: "demo", difficulty: "hard", hardness: "hard" })).toMatchObject({
      label: "demo level",
    });
    expect(taskLevel({ origin: "manual", difficulty: "hard", hardness: null })).toMatchObject({
      kind: "given-difficulty",
      label: "manual difficulty",
    });
  });

  it("is empty only when the task has neither", () => {
    expect(taskLevel({ origin: "manual", difficulty: null, hardness: null })).toBeNull();
  });
});
