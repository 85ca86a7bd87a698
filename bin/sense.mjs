#!/usr/bin/env node
// The `sense` CLI. Runs the compiled CLI (bin/cli-build.mjs; compiled again first when a source
// changed since it was built) in this process; when it cannot be compiled, or SENSE_CLI_FROM_SOURCE=1,
// runs the TypeScript entry through tsx in a child process, with the same server-only module graph
// as the app.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CLI_ENTRY_FILE, ensureCliBuild } from "./cli-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The CLI and its children find the project (migrations, child scripts) wherever they are called;
// tsx (children started from source, the fallback) finds the path aliases.
process.env.SENSE_PROJECT_ROOT ??= root;
process.env.TSX_TSCONFIG_PATH = path.join(root, "tsconfig.json");

const compiled = process.env.SENSE_CLI_FROM_SOURCE === "1" ? null : await ensureCliBuild(root);
if (compiled) {
  await import(pathToFileURL(path.join(compiled, CLI_ENTRY_FILE)).href);
} else {
  runFromSource();
}

function runFromSource() {
  const entry = path.join(root, "lib", "entries", "cli.ts");
  // tsx is resolved from the project, so the CLI works from any working folder.
  const tsx = pathToFileURL(createRequire(path.join(root, "package.json")).resolve("tsx")).href;
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", tsx, entry, ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  // a signal sent to this process alone (a supervisor's SIGTERM, kill PID) reaches the CLI too
  const forward = (signal) => child.kill(signal);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, forward);
  child.on("exit", (code, signal) => {
    if (signal) {
      for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.off(s, forward);
      process.kill(process.pid, signal); // end the way the CLI ended
      return;
    }
    process.exit(code ?? 1);
  });
}
