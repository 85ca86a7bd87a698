// `npm start` (scripts/start.mjs) serves on 127.0.0.1 unless SENSE_HOST says otherwise. The script
// runs from a copy in a scratch folder whose `next` is a stand-in that records how it was called.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env, inheritedEnv } from "@/lib/env";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "sense-start-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

fs.mkdirSync(path.join(root, "scripts"));
fs.copyFileSync(path.join(env.projectRoot, "scripts", "start.mjs"), path.join(root, "scripts", "start.mjs"));
fs.mkdirSync(path.join(root, "node_modules", ".bin"), { recursive: true });
const nextStub = path.join(root, "node_modules", ".bin", "next");
fs.writeFileSync(nextStub, `#!/usr/bin/env node\nrequire("node:fs").writeFileSync(${JSON.stringify(path.join(root, "next-args.json"))}, JSON.stringify(process.argv.slice(2)));\n`, { mode: 0o755 });
fs.mkdirSync(path.join(root, ".next"));
fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "stub"); // built, and no sources newer: start.mjs does not build

function start(extra: Record<string, string>): { args: string[]; stdout: string } {
  const base = inheritedEnv();
  delete base.SENSE_HOST;
  delete base.PORT;
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "start.mjs")], { env: { ...base, ...extra }, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return { args: JSON.parse(fs.readFileSync(path.join(root, "next-args.json"), "utf8")) as string[], stdout: result.stdout };
}

describe("npm start", () => {
  it("listens on 127.0.0.1 only by default", () => {
    const { args, stdout } = start({});
    expect(args).toEqual(["start", "-p", "3000", "-H", "127.0.0.1"]);
    expect(stdout).toContain("http://localhost:3000");
  });

  it("listens where SENSE_HOST says (0.0.0.0: all interfaces) and on PORT", () => {
    const { args, stdout } = start({ SENSE_HOST: "0.0.0.0", PORT: "3300" });
    expect(args).toEqual(["start", "-p", "3300", "-H", "0.0.0.0"]);
    expect(stdout).toContain("all interfaces");
  });
});
