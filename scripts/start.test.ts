// `npm start` (scripts/start.mjs) serves on 127.0.0.1 unless SENSE_HOST says otherwise, and says what
// it is doing, step by step with times. The script runs from a copy in a scratch folder whose `next`
// and `bin/sense.mjs` are stand-ins that record how they were called (`next start` serves until it is
// stopped, when asked to).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env, inheritedEnv } from "@/lib/env";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "sense-start-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const calls = path.join(root, "calls.jsonl");
fs.mkdirSync(path.join(root, "scripts"));
fs.copyFileSync(path.join(env.projectRoot, "scripts", "start.mjs"), path.join(root, "scripts", "start.mjs"));
fs.mkdirSync(path.join(root, "node_modules", ".bin"), { recursive: true });
fs.mkdirSync(path.join(root, "bin"));
const record = `require("node:fs").appendFileSync(${JSON.stringify(calls)}, JSON.stringify(process.argv.slice(2)) + "\\n");`;
fs.writeFileSync(
  path.join(root, "bin", "sense.mjs"),
  `import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\n${record}\n`,
);
fs.writeFileSync(
  path.join(root, "node_modules", ".bin", "next"),
  `#!/usr/bin/env node
${record}
const [command, , port, , host] = process.argv.slice(2);
if (command === "build") require("node:fs").writeFileSync(${JSON.stringify(path.join(root, ".next", "BUILD_ID"))}, "built");
if (command === "start" && process.env.STUB_SERVES === "1") {
  require("node:http").createServer((req, res) => res.end("{}")).listen(Number(port), host);
}
`,
  { mode: 0o755 },
);
fs.mkdirSync(path.join(root, ".next"));
const built = () => fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "stub"); // built, and no sources newer: start.mjs does not build

function start(extra: Record<string, string>): { args: string[][]; stdout: string } {
  fs.rmSync(calls, { force: true });
  const base = inheritedEnv();
  delete base.SENSE_HOST;
  delete base.PORT;
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    env: { ...base, ...extra },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return {
    args: fs
      .readFileSync(calls, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as string[]),
    stdout: result.stdout,
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe("npm start", () => {
  it("listens on 127.0.0.1 only by default", () => {
    built();
    const { args, stdout } = start({});
    expect(args.at(-1)).toEqual(["start", "-p", "3000", "-H", "127.0.0.1"]);
    expect(stdout).toContain("http://localhost:3000");
  });

  it("listens where SENSE_HOST says (0.0.0.0: all interfaces) and on PORT", () => {
    built();
    const { args, stdout } = start({ SENSE_HOST: "0.0.0.0", PORT: "3300" });
    expect(args.at(-1)).toEqual(["start", "-p", "3300", "-H", "0.0.0.0"]);
    expect(stdout).toContain("all interfaces");
  });

  it("says each step as it starts and what it took: store, demo data, the first build, the servers, where to go", async () => {
    fs.rmSync(path.join(root, ".next", "BUILD_ID"), { force: true });
    fs.rmSync(calls, { force: true });
    const port = await freePort();
    const base = inheritedEnv();
    delete base.SENSE_HOST;
    const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
      env: { ...base, PORT: String(port), SENSE_DEMO_MODEL_PORT: "8811", STUB_SERVES: "1" },
    });
    let stdout = "";
    const closed = new Promise((resolve) => child.on("close", resolve));
    await new Promise<void>((resolve) =>
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("Sense Studio is ready")) resolve();
      }),
    );
    child.kill("SIGTERM"); // passed on to the server, as Ctrl-C would be
    expect(await closed).toBe(0);
    const lines = stdout.trim().split("\n");
    const at = (text: RegExp) => lines.findIndex((l) => text.test(l));
    const order = [
      /^\[start\] migrating the store \(.+sense\.db\)…$/,
      /^\[start\] migrating the store .*: done in \d+\.\d s$/,
      /^\[start\] seeding the demo data into an empty store…$/,
      /^\[start\] seeding the demo data into an empty store: done in \d+\.\d s$/,
      /^\[start\] building the app \(next build\) — the first start takes a few minutes…$/,
      /^\[start\] building the app .*: done in \d+\.\d s$/,
      new RegExp(
        `^\\[start\\] starting the server on http://localhost:${port} .*, the demo model server on 127\\.0\\.0\\.1:8811 and the job runner…$`,
      ),
      new RegExp(
        `^\\[start\\] Sense Studio is ready \\(the server took \\d+\\.\\d s, npm start \\d+\\.\\d s\\): open http://localhost:${port}/sign-in$`,
      ),
    ].map(at);
    expect(order, stdout).not.toContain(-1);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const called = fs
      .readFileSync(calls, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as string[]);
    expect(called).toEqual([
      ["migrate"],
      ["seed", "--if-empty"],
      ["build"],
      ["start", "-p", String(port), "-H", "127.0.0.1"],
    ]);
  });
});
