// npm run bench:scale -- [--sizes 10000,100000,1000000] [--quick] [--keep-logs]
// What users feel on a big store. For each size: a fresh store filled with that many tasks, SFT
// samples and preference pairs (bench-scale-fill.mts), the built app on it (`next start`, port 3200,
// stand-in model on 8800, embedded runner on), and p50 / p95 over HTTP of each endpoint alone and
// while 3 Overviews poll and 2 jobs run, a reviewer's deck and accepts, the review accepts that fail
// while 4 `npm run worker` processes run jobs, the app's peak RSS and the fill time; then one table.
// Every loop has a count and a deadline, every request a timeout; children and temp dirs go at the end.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { FillResult } from "./bench-scale-fill.mjs";
import { measureStore, type Limits, type Results } from "./bench-scale-measure.mjs";
import {
  nodeScript,
  runToEnd,
  startApp,
  startWorker,
  stopAll,
  stopProcess,
  watchMemory,
} from "./bench-scale-procs.mjs";
import { formatTable } from "./bench-scale-report.mjs";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000,1000000" },
    quick: { type: "boolean", default: false },
    "keep-logs": { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
if (!sizes.every((n) => Number.isInteger(n) && n >= 1_000))
  throw new Error("bench:scale: --sizes takes whole numbers of at least 1000, e.g. --sizes 10000,100000");
const quick = values.quick;
const APP_PORT = 3200;
const MODEL_PORT = 8800;
const WORKERS = 4;
const root = path.resolve(import.meta.dirname, "..");
const dirs: string[] = [];

const limitsFor = (): Limits => ({
  count: quick ? 12 : 40, // requests per row
  seriesMs: quick ? 15_000 : 60_000, // and at most this long per row
  reviewActions: quick ? 100 : 300, // accepts with the worker processes running
  reviewMs: quick ? 60_000 : 180_000,
  timeoutMs: quick ? 15_000 : 30_000, // per request
  stopAt: Date.now() + (quick ? 10 : 40) * 60_000, // per store: what is not measured by then is skipped
});

const cleanUp = async () => {
  await stopAll();
  for (const d of dirs.splice(0)) {
    if (values["keep-logs"]) {
      const kept = fs.mkdtempSync(path.join(os.tmpdir(), "sense-bench-scale-logs-"));
      for (const f of fs.readdirSync(d).filter((f) => f.endsWith(".log")))
        fs.copyFileSync(path.join(d, f), path.join(kept, f));
      console.log(`[bench:scale] logs kept in ${kept}`);
    }
    fs.rmSync(d, { recursive: true, force: true });
  }
};
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void cleanUp().finally(() => process.exit(130)));

const tail = (file: string) =>
  fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").slice(-30).join("\n") : "";

async function benchSize(size: number): Promise<Results> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-bench-scale-"));
  dirs.push(dir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SENSE_DATA_DIR: dir,
    SENSE_PROJECT_ROOT: root,
    SENSE_SEED_DEMO: "0",
    NEXT_TELEMETRY_DISABLED: "1",
    SENSE_DEMO_MODEL_PORT: String(MODEL_PORT),
  };
  for (const name of [
    "SENSE_DB_FILE",
    "SENSE_PROVIDERS",
    "SENSE_API_TOKEN",
    "SENSE_ADMIN_EMAIL",
    "SENSE_ADMIN_PASSWORD",
    "SENSE_IMPORT_ROOTS",
    "NODE_ENV",
  ])
    delete env[name];
  const log = (name: string) => path.join(dir, `${name}.log`);

  const fill = nodeScript(path.join(root, "scripts", "bench-scale-fill.mts"), [String(size)]);
  console.log(`[bench:scale] ${size}: filling the store…`);
  const out = await runToEnd(fill.command, fill.args, {
    cwd: root,
    env: { ...env, SENSE_EMBEDDED_WORKER: "0", SENSE_DEMO_MODEL_SERVER: "0" },
    deadlineMs: 30 * 60_000,
    logFile: log("fill"),
  });
  const filled = JSON.parse(out.trim().split("\n").at(-1)!) as FillResult;
  console.log(
    `[bench:scale] ${size}: ${JSON.stringify(filled.rows)} in ${filled.domainSeconds.toFixed(1)} s (domain) + ${filled.cloneSeconds.toFixed(1)} s (clones)`,
  );

  const appEnv = { ...env, SENSE_EMBEDDED_WORKER: "1", SENSE_DEMO_MODEL_SERVER: "1", PORT: String(APP_PORT) };
  const app = await startApp(root, appEnv, APP_PORT, log("app"), 10 * 60_000).catch((error: unknown) => {
    console.error(tail(log("app")));
    throw error;
  });
  const memory = watchMemory(app.child.pid!);
  try {
    const startWorkers = async () => {
      const workers = Array.from({ length: WORKERS }, (_, i) =>
        startWorker(root, appEnv, log(`worker-${i}`)),
      );
      return async () => void (await Promise.all(workers.map((w) => stopProcess(w))));
    };
    console.log(`[bench:scale] ${size}: measuring on ${app.base}…`);
    const results = await measureStore(
      app.base,
      filled.searchWord,
      filled.middleTaskId,
      limitsFor(),
      startWorkers,
    );
    const peak = memory.peakMb();
    results.set("peak RSS of the app: server process; with its SQL children (MB)", {
      text: `${peak.server.toFixed(0)}; ${peak.tree.toFixed(0)}`,
    });
    results.set("fill: domain rows + clones (s)", {
      text: `${filled.domainSeconds.toFixed(1)} + ${filled.cloneSeconds.toFixed(1)}`,
    });
    return results;
  } catch (error) {
    console.error(tail(log("app")));
    throw error;
  } finally {
    memory.stop();
    await stopAll();
  }
}

const bySize = new Map<number, Results>();
try {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("[bench:scale] no build: running next build first");
    await runToEnd(path.join(root, "node_modules", ".bin", "next"), ["build"], {
      cwd: root,
      env: process.env,
      deadlineMs: 15 * 60_000,
      logFile: path.join(os.tmpdir(), "sense-bench-scale-build.log"),
    });
  }
  if (
    await fetch(`http://127.0.0.1:${APP_PORT}/`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`bench:scale: port ${APP_PORT} is taken`);
  const started = Date.now();
  for (const size of sizes) {
    bySize.set(size, await benchSize(size));
    await cleanUp();
    console.log(formatTable(bySize));
  }
  console.log(
    `\n[bench:scale] done in ${((Date.now() - started) / 60_000).toFixed(1)} min${quick ? " (--quick)" : ""}; loaded = 3 clients polling /api/overview every 2 s + a mutation and a weak job running`,
  );
} finally {
  await cleanUp();
}
