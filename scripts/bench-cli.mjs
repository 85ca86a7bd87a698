// `npm run bench:cli [-- --runs N] [--root DIR]`: wall time of the CLI's start, median (and min–max)
// of N runs (default 5) each, of this checkout or of the one at DIR (e.g. an older commit's worktree): `sense --help` and `npx sense --help`, `sense eval` on one gold/prediction pair
// (a one-table database made here), the same two from source through tsx (SENSE_CLI_FROM_SOURCE=1,
// what bin/sense.mjs falls back to), and what npx alone costs (a package whose bin prints one line).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, root: { type: "string" } },
});
const root = path.resolve(values.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
const runs = Math.max(1, Number(values.runs) || 5);
const bin = path.join(root, "bin", "sense.mjs");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sense-bench-cli-"));

// one pair: a gold line `SQL<TAB>db_id`, its prediction, and the database under --db-root
const Database = createRequire(path.join(root, "package.json"))("better-sqlite3");
fs.mkdirSync(path.join(scratch, "db", "concert_singer"), { recursive: true });
const db = new Database(path.join(scratch, "db", "concert_singer", "concert_singer.sqlite"));
db.exec(
  "CREATE TABLE singer (singer_id INTEGER PRIMARY KEY, name TEXT); INSERT INTO singer (name) VALUES ('Joe'), ('Timbaland'), ('Justin');",
);
db.close();
fs.writeFileSync(path.join(scratch, "gold.sql"), "SELECT count(*) FROM singer\tconcert_singer\n");
fs.writeFileSync(path.join(scratch, "pred.sql"), "SELECT count(*) FROM singer\n");
const evalArgs = [
  "eval",
  "--gold",
  path.join(scratch, "gold.sql"),
  "--pred",
  path.join(scratch, "pred.sql"),
  "--db-root",
  path.join(scratch, "db"),
];

// npx alone: a package of one bin that prints a line
fs.mkdirSync(path.join(scratch, "npx-floor", "bin"), { recursive: true });
fs.writeFileSync(
  path.join(scratch, "npx-floor", "package.json"),
  JSON.stringify({ name: "npx-floor", version: "1.0.0", bin: { floor: "bin/floor.mjs" } }),
);
fs.writeFileSync(
  path.join(scratch, "npx-floor", "bin", "floor.mjs"),
  "#!/usr/bin/env node\nconsole.log('floor');\n",
  { mode: 0o755 },
);

const env = { ...process.env, SENSE_DATA_DIR: path.join(scratch, "data"), NO_UPDATE_NOTIFIER: "1" };
delete env.SENSE_CLI_FROM_SOURCE;

function time(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: "utf8",
    env,
    ...options,
    env: { ...env, ...options.env },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return seconds;
}

function measure(label, command, args, options) {
  time(command, args, options); // the first run may compile the CLI; not counted
  const seconds = Array.from({ length: runs }, () => time(command, args, options)).sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)];
  console.log(
    `${label.padEnd(44)} median ${median.toFixed(2)} s   (${seconds[0].toFixed(2)}–${seconds.at(-1).toFixed(2)} s over ${runs})`,
  );
}

try {
  console.log(
    `CLI start-up of ${root}, ${runs} runs each (load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}, ${os.availableParallelism()} cores)`,
  );
  measure("node -e 0 (Node alone)", process.execPath, ["-e", "0"]);
  measure("npx floor (npx of a one-line bin)", "npx", ["floor"], { cwd: path.join(scratch, "npx-floor") });
  measure("sense --help", process.execPath, [bin, "--help"]);
  measure("npx sense --help", "npx", ["sense", "--help"]);
  measure("sense eval (one pair)", process.execPath, [bin, ...evalArgs]);
  measure("npx sense eval (one pair)", "npx", ["sense", ...evalArgs]);
  measure("sense --help, from source (tsx)", process.execPath, [bin, "--help"], {
    env: { SENSE_CLI_FROM_SOURCE: "1" },
  });
  measure("sense eval (one pair), from source (tsx)", process.execPath, [bin, ...evalArgs], {
    env: { SENSE_CLI_FROM_SOURCE: "1" },
  });
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
