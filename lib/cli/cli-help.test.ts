// Every command answers --help (and -h) with its own usage, exit 0, without touching the store; and
// printing help loads nothing heavy: the compiled entry's static imports reach no store, no SQL
// engine and no validation library (bin/cli-build.mjs writes the build's module graph to meta.json).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env, inheritedEnv } from "@/lib/env";
import { CLI_COMMANDS } from "@/lib/cli/help-text";

const bin = path.join(env.projectRoot, "bin", "sense.mjs");
const sense = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    timeout: 60_000,
    cwd: os.tmpdir(),
    env: { ...inheritedEnv(), SENSE_API_TOKEN: "" },
  });

describe("sense COMMAND --help", () => {
  it.each(CLI_COMMANDS)("sense %s --help prints that command's usage and exits 0", (command) => {
    const result = sense(command, "--help");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage:\\n  sense ${command}\\b`, "m"));
    expect(result.stdout).not.toMatch(new RegExp(`^  sense (?!${command}\\b)`, "m")); // its own usage, not every command's
  });

  it("answers -h, and --help after a subcommand and flags", () => {
    for (const args of [
      ["user", "-h"],
      ["user", "add", "--help"],
      ["synth", "weak", "--provider", "demo-weak", "--help"],
      ["eval", "--gold", "x", "-h"],
    ]) {
      const result = sense(...args);
      expect(result.status, args.join(" ")).toBe(0);
      expect(result.stdout).toContain(`sense ${args[0]} `);
    }
  });

  it("prints every command's usage for sense --help, and with no command (exit 2)", () => {
    const full = sense("--help");
    expect(full.status).toBe(0);
    for (const command of CLI_COMMANDS)
      expect(full.stdout).toMatch(new RegExp(`^  sense ${command}\\b`, "m"));
    const none = sense();
    expect(none.status).toBe(2);
    expect(none.stdout).toContain("sense COMMAND --help");
  });

  it("still takes a -- argument that reads like a flag as an argument, not as a help request", () => {
    const result = sense("eval", "--", "--help");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unexpected argument "--help"');
    expect(result.stdout).toBe("");
  });
});

describe("what printing help loads", () => {
  type Meta = { inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }> };

  it("is the dispatcher and the help text only: no store, no SQL engine, no zod", () => {
    expect(sense("--help").status).toBe(0); // builds the CLI if the sources changed
    const current = JSON.parse(
      fs.readFileSync(path.join(env.projectRoot, ".cache", "cli", "current.json"), "utf8"),
    ) as { id: string };
    const meta = JSON.parse(
      fs.readFileSync(path.join(env.projectRoot, ".cache", "cli", current.id, "meta.json"), "utf8"),
    ) as Meta;
    const reached = new Set<string>(["lib/entries/cli-compiled.ts"]);
    const queue = [...reached];
    while (queue.length) {
      for (const edge of meta.inputs[queue.pop()!]?.imports ?? []) {
        if (edge.kind === "dynamic-import" || reached.has(edge.path)) continue;
        reached.add(edge.path);
        queue.push(edge.path);
      }
    }
    expect([...reached].filter((p) => !p.startsWith("node:")).sort()).toEqual([
      "empty-module:server-only",
      "lib/cli/help-text.ts",
      "lib/cli/run-cli.ts",
      "lib/cli/usage-error.ts",
      "lib/entries/cli-compiled.ts",
      "lib/store/private-files.ts",
      "lib/util/child-entry.ts",
    ]);
    // and each command's module is there, loaded when its command runs
    const dynamic = (meta.inputs["lib/cli/run-cli.ts"]?.imports ?? [])
      .filter((e) => e.kind === "dynamic-import")
      .map((e) => e.path);
    expect(dynamic).toEqual(
      expect.arrayContaining([
        "lib/cli/eval-command.ts",
        "lib/cli/user-command.ts",
        "lib/cli/commands.ts",
        "lib/cli/cli-output.ts",
      ]),
    );
  });
});
