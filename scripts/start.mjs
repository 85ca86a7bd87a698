// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
// The server migrates the store and seeds the demo data itself on start (instrumentation.ts).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", ".bin", "next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function newestSourceMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "public", "prisma"].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (builtAt === 0 || Math.max(...sources.map(newestSourceMtime)) > builtAt) {
  console.log("[start] building the dashboard (next build)…");
  const build = spawnSync(nextBin, ["build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// PORT and SENSE_HOST as lib/env.ts describes them (this plain script cannot load it): the
// dashboard listens on this machine only unless SENSE_HOST names an interface (0.0.0.0: all).
const port = env.PORT || "3000";
const host = env.SENSE_HOST || "127.0.0.1";
const server = spawn(nextBin, ["start", "-p", port, "-H", host], { cwd: root, env, stdio: "inherit" });
const where = host === "127.0.0.1" ? `http://localhost:${port} (this machine only; SENSE_HOST=0.0.0.0 listens on all interfaces)` : host === "0.0.0.0" || host === "::" ? `port ${port} on all interfaces` : `http://${host}:${port}`;
console.log(`[start] Sense Studio on ${where}`);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
