import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { resolveServerPath } from "@/lib/databases/server-paths";

describe("resolveServerPath", () => {
  const root = env.importRoots[0]!;
  fs.mkdirSync(path.join(root, "spider"), { recursive: true });

  it("accepts paths under an import root, absolute or relative to the project folder (as the CLI run there)", () => {
    expect(resolveServerPath(path.join(root, "spider"))).toBe(fs.realpathSync(path.join(root, "spider")));
    const relative = path.relative(env.projectRoot, path.join(root, "spider"));
    expect(relative.startsWith("..")).toBe(true);
    expect(resolveServerPath(relative)).toBe(fs.realpathSync(path.join(root, "spider")));
  });

  it("refuses paths outside the roots, including through .. and symlinks", () => {
    expect(() => resolveServerPath("/etc")).toThrow(/outside the folders the dashboard may read/);
    expect(() => resolveServerPath(path.join(root, "..", ".."))).toThrow(/outside the folders/);
    const link = path.join(root, "sneaky");
    fs.symlinkSync("/etc", link);
    expect(() => resolveServerPath(link)).toThrow(/outside the folders/);
  });

  it("refuses the app's own store and database copies even when a root contains them", () => {
    fs.mkdirSync(path.join(env.databasesDir, "copied"), { recursive: true });
    fs.symlinkSync(env.dbFile, path.join(root, "store-link"));
    fs.symlinkSync(env.databasesDir, path.join(root, "copies-link"));
    expect(() => resolveServerPath(path.join(root, "store-link"))).toThrow(
      "Sense Studio's own store and database copies cannot be imported.",
    );
    expect(() => resolveServerPath(path.join(root, "copies-link/copied"))).toThrow(
      "Sense Studio's own store and database copies cannot be imported.",
    );
  });

  it("says when the path does not exist, naming the absolute path it looked at", () => {
    expect(() => resolveServerPath(path.join(root, "missing"))).toThrow(
      `Path not found on the server: ${path.join(root, "missing")}`,
    );
    expect(() => resolveServerPath("../no-such-folder")).toThrow(
      `Path not found on the server: ${path.resolve(env.projectRoot, "..", "no-such-folder")} ("../no-such-folder" taken from the project folder ${env.projectRoot})`,
    );
  });
});
