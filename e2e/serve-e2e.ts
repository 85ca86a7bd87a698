// Starts the built app on a fresh e2e store: wipes .e2e-data (and only that), seeds the demo data
// and imports the Spider dev set (when ../shared has it) through the CLI, then runs `next start`,
// whose embedded stand-in model server answers the demo providers.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { writeBenchmarkFolder } from "../lib/testing/sqlite-fixtures";
import {
  E2E_PASSWORD,
  e2eAccounts,
  e2eDataDir,
  e2eImportsDir,
  e2eStoreEnv,
  projectRoot,
  seededFile,
  spiderDir,
} from "./e2e-paths";

// the app's port and its stand-in model server's, as playwright.config.ts picked them (e2e/e2e-ports.ts)
const [port, modelPort] = process.argv.slice(2);
if (!port || !modelPort) throw new Error("usage: serve-e2e.ts APP_PORT MODEL_PORT");
if (path.basename(e2eDataDir) !== ".e2e-data" || path.dirname(e2eDataDir) !== projectRoot) {
  throw new Error(`Refusing to use ${e2eDataDir} as the e2e store.`);
}
fs.rmSync(e2eDataDir, { recursive: true, force: true });
fs.mkdirSync(e2eImportsDir, { recursive: true });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  ...e2eStoreEnv,
  SENSE_SQL_TIMEOUT_MS: "1500",
  SENSE_WORKER_THROTTLE_MS: "150", // slow enough to watch, pause and resume a job
  SENSE_WORKER_CONCURRENCY: "2",
  SENSE_DEMO_MODEL_PORT: modelPort, // the app's embedded stand-in model server (and the CLI's, for the jobs below)
  SENSE_REVIEW_LEASE_MS: "4000", // short claims, so a journey can watch one expire
  SENSE_IMPORT_ROOTS: [e2eImportsDir, path.dirname(spiderDir)].join(path.delimiter),
};
delete env.SENSE_PROJECT_ROOT;

const senseAs = (token: string, args: string[], input?: string) => {
  const result = spawnSync(process.execPath, ["bin/sense.mjs", ...args], {
    cwd: projectRoot,
    env: { ...env, SENSE_API_TOKEN: token },
    encoding: "utf8",
    input,
  });
  if (result.status !== 0)
    throw new Error(`e2e: sense ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
};
const sense = (...args: string[]) => senseAs(leadToken, args);
let leadToken = "";
senseAs("", ["seed"]);
for (const a of e2eAccounts)
  senseAs(
    "",
    ["user", "add", "--email", a.email, "--name", a.name, "--role", a.role, "--password-stdin"],
    E2E_PASSWORD,
  );
leadToken = senseAs("", ["user", "token", "--email", "lee@e2e.test", "--name", "e2e set-up"]).trim();
const adminToken = senseAs("", ["user", "token", "--email", "ada@e2e.test", "--name", "e2e set-up"]).trim();
// review queues for the review journeys, made by real jobs against the stand-in model server
const jobId = (out: string) => /Started \w+ job (\S+) /.exec(out)?.[1];
const strong = sense(
  "synth",
  "strong",
  "--provider",
  "demo-strong",
  "--domains",
  "lighthouse preservation,chess league",
  "--questions",
  "12",
  "--wait",
);
const weak = sense(
  "synth",
  "weak",
  "--provider",
  "demo-weak",
  "--database",
  "city_library",
  "--samples",
  "4",
  "--max-pairs",
  "2",
  "--wait",
);
// pairs over several schemas (the exports journey splits them): the trainer check's own small
// databases, imported in BIRD's layout, and a mutation job over their tasks
const fixture = path.join(projectRoot, "scripts", "trainer-check", "fixture");
const fixtureDatabases = Object.fromEntries(
  fs
    .readdirSync(fixture)
    .filter((f) => f.endsWith(".sql"))
    .map((f) => [f.replace(/\.sql$/, ""), fs.readFileSync(path.join(fixture, f), "utf8")]),
);
const fixtureFolder = writeBenchmarkFolder(
  path.join(e2eImportsDir, "split-fixture"),
  { "dev.json": fs.readFileSync(path.join(fixture, "dev.json"), "utf8") },
  fixtureDatabases,
  "dev_databases",
);
senseAs(adminToken, ["import", "bird", fixtureFolder]);
sense("synth", "mutate", "--origin", "bird", "--keep", "2", "--wait");
const store = new Database(env.SENSE_DB_FILE!, { readonly: true });
const synthesized = store
  .prepare("SELECT name FROM target_databases WHERE source = 'synthesized' ORDER BY name")
  .all() as { name: string }[];
store.close();
const named = (prefix: string) => synthesized.find((d) => d.name.startsWith(prefix))?.name;
fs.writeFileSync(
  seededFile,
  JSON.stringify(
    {
      strongJobId: jobId(strong),
      weakJobId: jobId(weak),
      lighthouse: named("lighthouse_preservation_"),
      chess: named("chess_league_"),
    },
    null,
    2,
  ),
);

if (fs.existsSync(path.join(spiderDir, "dev.json"))) {
  const result = spawnSync(process.execPath, ["bin/sense.mjs", "import", "spider", spiderDir], {
    cwd: projectRoot,
    env: { ...env, SENSE_API_TOKEN: adminToken },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("e2e: importing the Spider dev set failed");
} else {
  console.warn(
    `e2e: ${spiderDir} not found — tests that need the Spider dev set will say so and be skipped.`,
  );
}

const server = spawn(
  path.join(projectRoot, "node_modules", ".bin", "next"),
  ["start", "-p", port, "-H", "127.0.0.1"],
  {
    cwd: projectRoot,
    env,
    stdio: "inherit",
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
