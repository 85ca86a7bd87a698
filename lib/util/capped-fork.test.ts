import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHILD_NICENESS, forkCapped } from "@/lib/util/capped-fork";

// A capped child reports what it sees of itself: its CPU priority and its kernel limits.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "capped-fork-"));
const script = path.join(dir, "report.cjs");
fs.writeFileSync(
  script,
  `const os = require("node:os");
const { execSync } = require("node:child_process");
process.on("message", () => {
  const limits = process.platform === "win32" ? null : execSync("ulimit -d; ulimit -f", { shell: "/bin/sh" }).toString().trim().split("\\n");
  process.send({ priority: os.getPriority(), limits }, () => process.exit(0));
});
`,
);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function report(): Promise<{ priority: number; limits: string[] | null }> {
  const child = forkCapped(
    script,
    [],
    { memoryMb: 300, fileMb: 20 },
    { stdio: ["ignore", "inherit", "inherit", "ipc"] },
    [],
  );
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve(m as { priority: number; limits: string[] | null }));
    child.once("error", reject);
    child.send("report");
  });
}

describe("forkCapped", () => {
  it("runs the child below the server's CPU priority, so a spinning query cannot crowd out the server", async () => {
    const { priority } = await report();
    expect(priority).toBe(Math.min(19, os.getPriority() + CHILD_NICENESS));
    expect(priority).toBeGreaterThan(os.getPriority());
  });

  it("sets the memory and file-size limits in the kernel (KiB and 512-byte blocks)", async () => {
    const { limits } = await report();
    expect(limits).toEqual([String(300 * 1024), String(20 * 2048)]);
  });
});
