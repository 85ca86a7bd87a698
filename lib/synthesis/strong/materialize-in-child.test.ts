import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { materializeInChild } from "@/lib/synthesis/strong/materialize-in-child";

const TOTAL = 200;

describe("materializeInChild", () => {
  it("loses none of 200 databases built in child processes: the result arrives even when the child's exit is seen first", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-200-"));
    const statements = [
      "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
      "INSERT INTO t VALUES (1, 'a'), (2, 'b')",
    ];
    const failures: string[] = [];
    let next = 0;
    const builder = async () => {
      while (next < TOTAL) {
        const n = next++;
        const result = await materializeInChild(path.join(dir, `db${n}.sqlite`), statements);
        if (!result.ok) failures.push(`db${n}: ${result.error}`);
      }
    };
    // a busy parent (a runner writing outputs, judging) sees the child's exit and its message in one turn of the loop
    const busy = setInterval(() => {
      const until = performance.now() + 30;
      while (performance.now() < until);
    }, 1);
    try {
      await Promise.all(Array.from({ length: 8 }, builder));
    } finally {
      clearInterval(busy);
    }
    expect(failures).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".sqlite"))).toHaveLength(TOTAL);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 600_000);
});
