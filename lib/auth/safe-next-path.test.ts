import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";

describe("safeNextPath", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/review?queue=sft&job=j1")).toBe("/review?queue=sft&job=j1");
    expect(safeNextPath("/")).toBe("/");
  });

  it("sends anything that could leave the site to the overview", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "/\\/evil.example", "\\\\evil.example", "javascript:alert(1)", "/\t/evil.example", "", null, undefined, "review"]) {
      expect(safeNextPath(bad), String(bad)).toBe("/");
    }
  });
});
