import os from "node:os";
import { describe, expect, it } from "vitest";
import { describeGivenPath, resolveGivenPath } from "@/lib/util/given-path";

describe("resolveGivenPath", () => {
  it("takes a relative path from the base, as a shell in that folder would", () => {
    expect(resolveGivenPath("../shared/data/spider", "/work/main")).toBe("/work/shared/data/spider");
    expect(resolveGivenPath("  data/x.sqlite ", "/srv/app")).toBe("/srv/app/data/x.sqlite");
  });

  it("keeps an absolute path and reads ~ as the home folder", () => {
    expect(resolveGivenPath("/data/bird", "/work/main")).toBe("/data/bird");
    expect(resolveGivenPath("~/bird", "/work/main")).toBe(`${os.homedir()}/bird`);
  });

  it("names the absolute path looked at, and the base a relative one was taken from", () => {
    expect(describeGivenPath("../x", "/work/x", "the project folder /work/main")).toBe(
      '/work/x ("../x" taken from the project folder /work/main)',
    );
    expect(describeGivenPath("/work/x", "/work/x", "the project folder /work/main")).toBe("/work/x");
  });
});
