// `npx sense` starts the CLI straight from node_modules/.bin. npx takes a bin named in the project's
// own package.json as a package to install into its cache first (reading the whole installed tree,
// 0.8–1 s), so the bin lives in the `bin/` workspace instead, which npm links into node_modules/.bin.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";

const manifest = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(env.projectRoot, file), "utf8")) as {
    bin?: Record<string, string>;
    workspaces?: string[];
  };

describe("the sense bin", () => {
  it("is not in the project's own manifest, and is in the bin workspace", () => {
    expect(manifest("package.json").bin).toBeUndefined();
    expect(manifest("package.json").workspaces).toContain("bin");
    expect(manifest("bin/package.json").bin).toEqual({ sense: "sense.mjs" });
  });

  it("is linked by npm into node_modules/.bin, to bin/sense.mjs", () => {
    const linked = fs.realpathSync(path.join(env.projectRoot, "node_modules", ".bin", "sense"));
    expect(linked).toBe(fs.realpathSync(path.join(env.projectRoot, "bin", "sense.mjs")));
  });
});
