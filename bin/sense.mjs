#!/usr/bin/env node
// The `sense` CLI. Runs the TypeScript entry with the same server-only module graph as the app.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "lib", "cli", "main.ts");
// tsx is resolved from the project, so the CLI works from any working folder.
const tsx = pathToFileURL(createRequire(path.join(root, "package.json")).resolve("tsx")).href;
const result = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", tsx, entry, ...process.argv.slice(2)],
  { stdio: "inherit", cwd: process.cwd(), env: { SENSE_PROJECT_ROOT: root, ...process.env, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") } },
);
process.exit(result.status ?? 1);
