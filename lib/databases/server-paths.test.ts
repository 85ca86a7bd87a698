import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { resolveServerPath } from "@/lib/databases/server-paths";

describe("resolveServerPath", () => {
  const root = env.importRoots[0]!;
  fs.mkdirSync(path.join(root, "spider"), { recursive: true });

  it("accepts paths under an import root, absolute or relative to it", () => {
    expect(resolveServerPath(path.join(root, "spider"))).toBe(fs.realpathSync(path.join(root, "spider")));
    expect(resolveServerPath("spider")).toBe(fs.realpathSync(path.join(root, "spider")));
  });

  it("refuses paths outside the roots, including through .. and symlinks", () => {
    expect(() => resolveServerPath("/etc")).toThrow(/outside the folders the dashboard may read/);
    expect(() => resolveServerPath(path.join(root, "..", ".."))).toThrow(/outside the folders/);
    const link = path.join(root, "sneaky");
    fs.symlinkSync("/etc", link);
    expect(() => resolveServerPath(link)).toThrow(/outside the folders/);
  });

  it("refuses the app's own data directory and store even when it contains the root", () => {
    expect(() => resolveServerPath(env.dbFile)).toThrow("Paths inside Sense Studio's own data directory cannot be imported.");
  });

  it("says when the path does not exist", () => {
    expect(() => resolveServerPath(path.join(root, "missing"))).toThrow("Path not found on the server");
  });
});
