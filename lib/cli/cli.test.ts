import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";

const bin = path.join(env.projectRoot, "bin", "sense.mjs");
const sense = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env }, timeout: 60_000 });

describe("the sense CLI", () => {
  it("prints help", () => {
    const result = sense("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("sense import spider|bird <dir> [--split dev|train]");
  });

  it("exits 1 with a clear message on a bad folder", () => {
    const result = sense("import", "spider", "/no/such/folder");
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("sense: Folder not found: /no/such/folder");
  });

  it("exits 2 on bad usage, naming the problem", () => {
    expect(sense("import", "csv", "/tmp").stderr).toContain('unknown format "csv" (expected spider or bird)');
    expect(sense("import", "spider", "/tmp", "--split", "test").status).toBe(2);
    expect(sense("frobnicate").stderr).toContain('unknown command "frobnicate"');
    expect(sense("import", "--bogus").status).toBe(2);
  });

  it("registers and lists a database", async () => {
    const { writeSqlite } = await import("@/lib/testing/sqlite-fixtures");
    const file = writeSqlite(path.join(env.dataDir, "cli", "kiosk.sqlite"), "CREATE TABLE sales (id INTEGER PRIMARY KEY);");
    const add = sense("db", "add", file);
    expect(add.stderr).toBe("");
    expect(add.stdout).toContain("Registered kiosk: 1 tables.");
    expect(sense("db", "list").stdout).toMatch(/kiosk\s+ok\s+1 tables\s+0 tasks/);
  });
});
