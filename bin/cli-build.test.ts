// The compiled CLI is never stale: bin/sense.mjs runs a build only while every source that went into
// it is unchanged, and compiles again first when one changed (a `git pull`, an edit) or is gone. And
// when it runs the CLI from source in a child, a signal sent to bin/sense.mjs reaches that child.
// Each test works on a scratch project: copies of bin/, a CLI entry and child scripts of its own,
// and the real project's node_modules (esbuild, tsx).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env, inheritedEnv } from "@/lib/env";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sense-cli-build-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function makeProject(name: string, entrySource: string): string {
  const root = path.join(scratch, name);
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  for (const file of ["sense.mjs", "cli-build.mjs"])
    write(`bin/${file}`, fs.readFileSync(path.join(env.projectRoot, "bin", file), "utf8"));
  write("package.json", JSON.stringify({ name: "scratch", private: true }));
  write(
    "tsconfig.json",
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: "esnext",
        moduleResolution: "bundler",
        paths: { "@/*": ["./*"] },
      },
    }),
  );
  write("lib/entries/cli-compiled.ts", entrySource);
  write("lib/entries/cli.ts", entrySource);
  write("lib/cli/greeting.ts", 'export const greeting: string = "first version";\n');
  write("lib/entries/sql-exec-child.ts", "export {};\n");
  write("lib/entries/materialize-child.ts", "export {};\n");
  fs.symlinkSync(path.join(env.projectRoot, "node_modules"), path.join(root, "node_modules"));
  return root;
}

const GREETER = 'import { greeting } from "@/lib/cli/greeting";\nconsole.log(greeting);\n';
const run = (root: string, extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(root, "bin", "sense.mjs")], {
    encoding: "utf8",
    timeout: 60_000,
    cwd: os.tmpdir(),
    env: { ...inheritedEnv(), SENSE_CLI_FROM_SOURCE: "", ...extra },
  });
const buildIds = (root: string) =>
  fs
    .readdirSync(path.join(root, ".cache", "cli"))
    .filter((n) => !n.endsWith(".json"))
    .sort();

describe("the compiled CLI", () => {
  it("compiles on first use, reuses the build while its sources are unchanged, and compiles again when one changes", () => {
    const root = makeProject("edits", GREETER);
    expect(fs.existsSync(path.join(root, ".cache"))).toBe(false);
    const first = run(root);
    expect(first.stderr).toBe("");
    expect(first.stdout).toBe("first version\n");
    const [built] = buildIds(root);
    expect(built).toMatch(/^[0-9a-f]{16}$/);

    // the same bytes with a new time (a checkout of the same content): the build stands
    const greeting = path.join(root, "lib", "cli", "greeting.ts");
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(greeting, later, later);
    expect(run(root).stdout).toBe("first version\n");
    expect(buildIds(root)).toEqual([built]);

    // a pull changes a file the entry imports, keeping its size and time: its bytes decide
    fs.writeFileSync(greeting, 'export const greeting: string = "later version";\n');
    fs.utimesSync(greeting, later, later);
    const second = run(root);
    expect(second.stderr).toBe("");
    expect(second.stdout).toBe("later version\n");
    expect(buildIds(root)).toHaveLength(2);
  });

  it("compiles again when a source is gone, and when the settings change", () => {
    const root = makeProject(
      "removals",
      'import { greeting } from "@/lib/cli/greeting";\nimport "@/lib/cli/extra";\nconsole.log(greeting);\n',
    );
    fs.writeFileSync(path.join(root, "lib", "cli", "extra.ts"), "export {};\n");
    expect(run(root).stdout).toBe("first version\n");
    fs.rmSync(path.join(root, "lib", "cli", "extra.ts"));
    const gone = run(root);
    // the build would still run; the sources no longer compile, so the CLI runs from source and says why
    expect(gone.stderr).toContain("could not compile the CLI");
    expect(gone.status).not.toBe(0);
    fs.writeFileSync(path.join(root, "lib", "entries", "cli-compiled.ts"), GREETER);
    expect(run(root).stdout).toBe("first version\n");
    const before = buildIds(root).length;
    fs.appendFileSync(path.join(root, "tsconfig.json"), "\n");
    expect(run(root).stdout).toBe("first version\n");
    expect(buildIds(root).length).toBe(before + 1);
  });

  it("runs from source when asked (SENSE_CLI_FROM_SOURCE=1) and when the cache cannot be written", () => {
    const root = makeProject("from-source", GREETER);
    fs.writeFileSync(path.join(root, "lib", "entries", "cli.ts"), 'console.log("from source");\n');
    expect(run(root, { SENSE_CLI_FROM_SOURCE: "1" }).stdout).toBe("from source\n");
    expect(fs.existsSync(path.join(root, ".cache"))).toBe(false);
    fs.writeFileSync(path.join(root, ".cache"), "a file where the cache folder would be");
    const blocked = run(root);
    expect(blocked.stdout).toBe("from source\n");
    expect(blocked.stderr).toContain("could not compile the CLI");
  });
});

describe("bin/sense.mjs running the CLI from source", () => {
  it("passes SIGTERM on to the CLI's process and exits as it does", async () => {
    const root = makeProject("signals", GREETER);
    fs.writeFileSync(
      path.join(root, "lib", "entries", "cli.ts"),
      'process.on("SIGTERM", () => { console.log("the CLI got SIGTERM"); process.exit(3); });\nconsole.log("ready");\nsetInterval(() => undefined, 1_000);\n',
    );
    const child = spawn(process.execPath, [path.join(root, "bin", "sense.mjs")], {
      cwd: os.tmpdir(),
      env: { ...inheritedEnv(), SENSE_CLI_FROM_SOURCE: "1" },
    });
    let stdout = "";
    const ready = new Promise<void>((resolve) =>
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("ready")) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await ready;
    child.kill("SIGTERM"); // to bin/sense.mjs alone, as a supervisor would send it
    expect(await exited).toBe(3);
    expect(stdout).toContain("the CLI got SIGTERM");
  });
});
