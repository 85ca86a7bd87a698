// Starts the built app on a fresh e2e store: wipes .e2e-data (and only that), seeds the demo data
// and imports the Spider dev set (when ../shared has it) through the CLI, then runs `next start`,
// whose embedded stand-in model server answers the demo providers.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { e2eDataDir, e2eImportsDir, projectRoot, spiderDir } from "./e2e-paths";

const port = process.argv[2] ?? "3100";
if (path.basename(e2eDataDir) !== ".e2e-data" || path.dirname(e2eDataDir) !== projectRoot) {
  throw new Error(`Refusing to use ${e2eDataDir} as the e2e store.`);
}
fs.rmSync(e2eDataDir, { recursive: true, force: true });
fs.mkdirSync(e2eImportsDir, { recursive: true });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  SENSE_DATA_DIR: e2eDataDir,
  SENSE_DB_FILE: path.join(e2eDataDir, "sense-e2e.db"),
  SENSE_SQL_TIMEOUT_MS: "1500",
  SENSE_WORKER_THROTTLE_MS: "150", // slow enough to watch, pause and resume a job
  SENSE_WORKER_CONCURRENCY: "2",
  SENSE_DEMO_MODEL_PORT: "8797", // the app's embedded stand-in model server, apart from a dev server's 8787
  SENSE_IMPORT_ROOTS: [e2eImportsDir, path.dirname(spiderDir)].join(path.delimiter),
};
delete env.SENSE_PROJECT_ROOT;

const seeded = spawnSync(process.execPath, ["bin/sense.mjs", "seed"], { cwd: projectRoot, env, stdio: "inherit" });
if (seeded.status !== 0) throw new Error("e2e: seeding the demo data failed");

if (fs.existsSync(path.join(spiderDir, "dev.json"))) {
  const result = spawnSync(process.execPath, ["bin/sense.mjs", "import", "spider", spiderDir], { cwd: projectRoot, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error("e2e: importing the Spider dev set failed");
} else {
  console.warn(`e2e: ${spiderDir} not found — tests that need the Spider dev set will say so and be skipped.`);
}

const server = spawn(path.join(projectRoot, "node_modules", ".bin", "next"), ["start", "-p", port, "-H", "127.0.0.1"], {
  cwd: projectRoot,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
