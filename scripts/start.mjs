// `npm start`: migrates the store, seeds the demo data into an empty one, builds the app when the
// build is missing or older than the sources, then serves it and says where once it answers. Each
// step is printed as it starts, with the time it took (the first build takes minutes).
// The server prepares the store again on start (instrumentation.ts); by then nothing is left to do.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", ".bin", "next");
const senseBin = path.join(root, "bin", "sense.mjs");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const startedAt = performance.now();

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const say = (text) => console.log(`[start] ${text}`);

/** Runs one step in the foreground, its output shown as it comes; stops `npm start` when it fails. */
function step(what, command, args) {
  say(`${what}…`);
  const began = performance.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    say(`${what} failed after ${seconds(began)}${result.error ? `: ${result.error.message}` : ""}`);
    process.exit(result.status ?? 1);
  }
  say(`${what}: done in ${seconds(began)}`);
}

function newestSourceMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

// The store as lib/env.ts describes it (this plain script cannot load it), for the messages only.
const storeFile = env.SENSE_DB_FILE || path.join(env.SENSE_DATA_DIR || "data", "sense.db");
step(`migrating the store (${storeFile})`, process.execPath, [senseBin, "migrate"]);
step("seeding the demo data into an empty store", process.execPath, [senseBin, "seed", "--if-empty"]);

const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "public", "prisma"]
  .map((d) => path.join(root, d))
  .filter((d) => fs.existsSync(d));
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (builtAt === 0)
  step("building the app (next build) — the first start takes a few minutes", nextBin, ["build"]);
else if (Math.max(...sources.map(newestSourceMtime)) > builtAt)
  step("building the app again, its sources changed (next build) — this takes a few minutes", nextBin, [
    "build",
  ]);
else say("the app is built and up to date");

// PORT, SENSE_HOST and the stand-in's settings as lib/env.ts describes them: the dashboard listens
// on this machine only unless SENSE_HOST names an interface (0.0.0.0: all).
const port = env.PORT || "3000";
const host = env.SENSE_HOST || "127.0.0.1";
const where =
  host === "127.0.0.1"
    ? `http://localhost:${port} (this machine only; SENSE_HOST=0.0.0.0 listens on all interfaces)`
    : host === "0.0.0.0" || host === "::"
      ? `port ${port} on all interfaces`
      : `http://${host}:${port}`;
const modelServer =
  env.SENSE_DEMO_MODEL_SERVER === "0"
    ? ""
    : `, the demo model server on 127.0.0.1:${env.SENSE_DEMO_MODEL_PORT || "8787"}`;
say(`starting the server on ${where}${modelServer} and the job runner…`);
const serverStarted = performance.now();
const server = spawn(nextBin, ["start", "-p", port, "-H", host], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
let serverGone = false;
server.on("exit", (code) => {
  serverGone = true;
  process.exit(code ?? 0);
});

// says where to go once the server answers (asked every quarter second until it does or is gone)
const probeHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
const open = `http://${host === "127.0.0.1" || probeHost === "127.0.0.1" ? "localhost" : probeHost}:${port}/sign-in`;
async function announceWhenReady() {
  while (!serverGone) {
    try {
      const response = await fetch(`http://${probeHost}:${port}/api/health`, {
        signal: AbortSignal.timeout(2_000),
      });
      await response.body?.cancel();
      say(
        `Sense Studio is ready (the server took ${seconds(serverStarted)}, npm start ${seconds(startedAt)}): open ${open}`,
      );
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250).unref());
    }
  }
}
void announceWhenReady();
