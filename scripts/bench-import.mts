// npm run bench:import — imports the Spider dev set into a fresh temporary store, then again,
// and prints wall time, throughput and peak memory. Needs ../shared/data/spider.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const spiderDir = path.resolve(import.meta.dirname, "..", "..", "shared", "data", "spider");
if (!fs.existsSync(path.join(spiderDir, "dev.json"))) {
  console.error(`bench:import needs the Spider dev set at ${spiderDir}; it is absent.`);
  process.exit(1);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-bench-"));
process.env.SENSE_DATA_DIR = dir;
process.env.SENSE_PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

const { migrateStore } = await import("../lib/store/prepare-store");
const { importBenchmark } = await import("../lib/import/import-benchmark");
migrateStore();

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
for (const label of ["first import", "re-import"]) {
  const started = performance.now();
  const report = await importBenchmark({ format: "spider", dir: spiderDir, split: "dev" });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(13)} ${seconds.toFixed(2)} s  ${report.recordsRead} records (${Math.round(report.recordsRead / seconds)}/s)  ` +
      `+${report.tasksAdded} tasks, ${report.tasksSkipped} skipped, ${report.databases.length} databases, missing: ${report.databasesMissing.join(", ") || "none"}`,
  );
}
clearInterval(sampler);
console.log(`peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
fs.rmSync(dir, { recursive: true, force: true });
