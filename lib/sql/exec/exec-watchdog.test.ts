import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startWatchdog } from "@/lib/sql/exec/exec-watchdog";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "exec-watchdog-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function firstLine(file: string): Promise<string> {
  for (;;) {
    const text = fs.readFileSync(file, "utf8");
    if (text.includes("\n")) return text.split("\n")[0]!;
    await new Promise((r) => setTimeout(r, 5)); // the watchdog thread writes within its 10 ms round
  }
}

describe("the execution child's watchdog", () => {
  it("names the running query with its start as an epoch, also after 25 days in one process, and the CPU used by then", async () => {
    const file = path.join(dir, "lines");
    const fd = fs.openSync(file, "w");
    const twentyFiveDays = 25 * 24 * 3600 * 1000; // past 2^31 ms
    const origin = Date.UTC(2026, 11, 2);
    const note = startWatchdog(
      fd,
      () => twentyFiveDays + 0.4,
      origin,
      () => 1234.4,
    );
    note(7, 3, 2);
    expect(await firstLine(file)).toBe(`>7 3 2 ${origin + twentyFiveDays} 1234`);
    fs.closeSync(fd);
  });
});
